import {
  InvokeEndpointWithResponseStreamCommand,
  type InvokeEndpointWithResponseStreamCommandInput,
} from "@sagefetch/core";
import { useEffect, useRef, useState } from "react";
import { useStream } from "./internal/useStream";
import type { StreamOptions, StreamResult, StreamSnapshot } from "./streamTypes";
import type { InputWithDefaults } from "./types";
import { useSageMakerClient } from "./useSageMakerClient";

type Input = InvokeEndpointWithResponseStreamCommandInput;

export interface UseInvokeEndpointStreamOptions<
  TDefaults extends Partial<Input> = Record<never, never>,
> extends StreamOptions {
  /**
   * Fields every stream sends unless `start` gives its own; they become optional in `start`.
   * @example { EndpointName: "chat", ContentType: "application/json" }
   */
  defaults?: TDefaults;
}

export interface UseInvokeEndpointStreamResult<TInput = Input> extends StreamSnapshot {
  /**
   * Sends InvokeEndpointWithResponseStream and streams the answer into `text` and `parts`,
   * aborting a stream still running (whose own `start()` then resolves as `aborted`).
   * Resolves once the stream has ended, however it ended, with its text, events, finish
   * reason, usage, status and error; never rejects.
   */
  start(input: TInput): Promise<StreamResult>;
  /** Stops the stream; what arrived stays, `status` becomes `aborted`. Unmounting does it too. */
  abort(): void;
  /** Stops the stream and goes back to `idle`, empty. */
  reset(): void;
}

/**
 * A streamed inference (a chat answer growing token by token): `text` grows as tokens arrive,
 * rendered at most once per animation frame. The client retries only before the first part;
 * the hook never retries.
 * @example
 * const { start, text, status, abort, tokensPerSecond } = useInvokeEndpointStream({
 *   defaults: { EndpointName: "chat", ContentType: "application/json" },
 *   format: "tokens",
 *   onError: (error) => console.warn(error.name),
 * });
 * const { text: answer, finishReason } = await start({ Body: JSON.stringify({ inputs: prompt }) });
 */
export function useInvokeEndpointStream<TDefaults extends Partial<Input> = Record<never, never>>(
  options: UseInvokeEndpointStreamOptions<TDefaults> = {},
): UseInvokeEndpointStreamResult<InputWithDefaults<Input, TDefaults>> {
  const client = useSageMakerClient();
  const { defaults } = options;
  // The store reads the stream options, and nothing else, from the hook's.
  const [store, snapshot] = useStream(options);
  // The latest render's client and defaults, given after the render (never during it).
  const latest = useRef({ client, defaults });
  useEffect(() => {
    latest.current = { client, defaults };
  });
  // One function for the component's life, reading the latest render's client and defaults.
  const [start] = useState(() => (input: InputWithDefaults<Input, TDefaults>) => {
    const { client, defaults } = latest.current;
    const command = new InvokeEndpointWithResponseStreamCommand({ ...defaults, ...input } as Input);
    return store.run((signal) => client.send(command, { abortSignal: signal }));
  });
  return { ...snapshot, start, abort: store.abort, reset: store.reset };
}
