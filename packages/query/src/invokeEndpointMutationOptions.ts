import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  type SageMakerRuntimeClient,
} from "@sagefetch/core";
import type { MutationFunction, MutationKey, MutationObserverOptions } from "@tanstack/query-core";
import { decodeBody } from "./decodeBody";
import { isAbort } from "./internal/isAbort";
import { sageMakerKeys } from "./sageMakerKeys";
import type { Decoder, InputWithDefaults, InvokeResult, SageMakerError } from "./types";

type Input = InvokeEndpointCommandInput;

/** The signal each call (each mutation execution: its context object) was made under. */
const signals = /* @__PURE__ */ new WeakMap<object, AbortSignal | undefined>();

/** TanStack Query's mutation options (but the function), plus `defaults`, `decode` and `signal`. */
export interface InvokeEndpointMutationOptions<
  TData = unknown,
  TDefaults extends Partial<Input> = Record<never, never>,
> extends Omit<
    MutationObserverOptions<
      InvokeResult<TData>,
      SageMakerError,
      InputWithDefaults<Input, TDefaults>
    >,
    "mutationFn" | "retry"
  > {
  /**
   * Fields every call sends unless it gives its own; they become optional in `mutate`.
   * @example { EndpointName: "sentiment", ContentType: "application/json" }
   */
  defaults?: TDefaults;
  /**
   * Turns the answer into `data`.
   * @default decodeBody: JSON parsed, text and CSV as a string, anything else as bytes
   */
  decode?: Decoder<TData>;
  /**
   * The signal a call is sent under, asked for when the call is made (`mutate`), before it
   * waits for its turn: aborting it fails the call with `AbortError` whether it is running,
   * waiting to retry, paused or queued behind its `scope` (TanStack Query's mutations have no
   * cancel of their own). Give a new signal after each abort, or later calls fail at once.
   * @example
   * let controller = new AbortController();
   * const options = invokeEndpointMutationOptions(client, { signal: () => controller.signal });
   * function abort() { controller.abort(); controller = new AbortController(); }
   */
  signal?: () => AbortSignal | undefined;
  /**
   * Retries by TanStack Query, on top of the client's own (`maxAttempts`). An aborted call is
   * never retried.
   * @default false
   */
  retry?: MutationObserverOptions<unknown, SageMakerError, unknown>["retry"];
}

/** Options for any adapter's `useMutation` / `createMutation` / `injectMutation`. */
export type InvokeEndpointMutationOptionsResult<
  TData = unknown,
  TVariables = Input,
> = MutationObserverOptions<InvokeResult<TData>, SageMakerError, TVariables> & {
  mutationKey: MutationKey;
  mutationFn: MutationFunction<InvokeResult<TData>, TVariables>;
};

/**
 * Mutation options for inference on demand (a button, a form): each `mutate(input)` sends
 * InvokeEndpoint with `defaults` under it, and resolves with the decoded `data` and the whole
 * `output`. The key is `["sagemaker", "invoke"]` unless you give one.
 * @example
 * const mutation = useMutation(() =>
 *   invokeEndpointMutationOptions(client, { defaults: { EndpointName: "sentiment" } }),
 * );
 * mutation.mutate({ Body: JSON.stringify({ inputs: text }) });
 */
export function invokeEndpointMutationOptions<
  TData = unknown,
  TDefaults extends Partial<Input> = Record<never, never>,
>(
  client: SageMakerRuntimeClient,
  options: InvokeEndpointMutationOptions<TData, TDefaults> = {},
): InvokeEndpointMutationOptionsResult<TData, InputWithDefaults<Input, TDefaults>> {
  const {
    defaults,
    decode = decodeBody as Decoder<TData>,
    signal,
    retry = false,
    onMutate,
    ...rest
  } = options;
  return {
    mutationKey: [...sageMakerKeys.all, "invoke"],
    ...rest,
    retry: (count, error) =>
      !isAbort(error) &&
      (typeof retry === "function" ? retry(count, error) : retry === true || count < +retry),
    // Each call takes the signal of when it was made (TanStack Query gives it one context
    // object for all its attempts): an abort reaches it waiting to retry, paused or queued too.
    onMutate(variables, context) {
      signals.set(context, signal?.());
      return onMutate?.(variables, context);
    },
    mutationFn: async (variables, context) => {
      const input = { ...defaults, ...variables } as Input;
      const output = await client.send(new InvokeEndpointCommand(input), {
        abortSignal: signals.get(context),
      });
      return { data: await decode(output, input), output };
    },
  };
}
