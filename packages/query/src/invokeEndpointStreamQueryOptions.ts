import {
  InvokeEndpointWithResponseStreamCommand,
  type InvokeEndpointWithResponseStreamCommandInput,
  type SageMakerRuntimeClient,
} from "@sagefetch/core";
import {
  type DataTag,
  type QueryFunction,
  type QueryObserverOptions,
  experimental_streamedQuery as streamedQuery,
} from "@tanstack/query-core";
import { readStreamPieces, type StreamFormat } from "./readStream";
import {
  type InvokeEndpointStreamQueryInput,
  type InvokeEndpointStreamQueryKey,
  sageMakerKeys,
} from "./sageMakerKeys";
import type { AdapterTypedOption, SageMakerError } from "./types";

/** TanStack Query's query options (but the key and function), plus how to read the stream. */
export interface InvokeEndpointStreamQueryOptions<TSelected = string>
  extends Omit<
    QueryObserverOptions<string, SageMakerError, TSelected, string, InvokeEndpointStreamQueryKey>,
    "queryKey" | "queryFn"
  > {
  /**
   * How the stream's parts become text.
   * @default "auto": the generated tokens of `text/event-stream` and JSON Lines answers (TGI,
   * LMI, vLLM, OpenAI-style events), the raw text of anything else
   */
  format?: StreamFormat;
  /**
   * What a refetch does with the text so far: `"reset"` empties it and the query is pending
   * again, `"append"` adds the new answer's text to it, `"replace"` keeps it on screen until
   * the new answer has ended.
   * @default "reset"
   */
  refetchMode?: "reset" | "append" | "replace";
}

/**
 * Options for any adapter's query functions, with a key tagged with the data's type
 * (`enabled` and `persister` passed on but left out of the type, as for
 * `invokeEndpointQueryOptions`).
 */
export type InvokeEndpointStreamQueryOptionsResult<TSelected = string> = Omit<
  InvokeEndpointStreamQueryOptions<TSelected>,
  "format" | "refetchMode" | AdapterTypedOption
> & {
  queryKey: DataTag<InvokeEndpointStreamQueryKey, string, SageMakerError>;
  queryFn: QueryFunction<string, InvokeEndpointStreamQueryKey>;
};

/**
 * Query options for a streamed answer (InvokeEndpointWithResponseStream), built on TanStack
 * Query's `streamedQuery`: `data` is the text so far, growing as tokens arrive; the query is
 * `pending` until the first one and `fetching` until the stream ends. Cancelling the query (or
 * its last observer going away) aborts the call.
 *
 * Defaults: `retry: false` (the client retries a stream that failed before its first part; a
 * retry after would generate the answer anew) and `staleTime: Infinity` (a refetch on focus or
 * remount would generate it anew too); `invalidateQueries` and `refetch()` still do.
 * @example
 * const answer = useQuery(() =>
 *   invokeEndpointStreamQueryOptions(client, { EndpointName: "chat", Body: JSON.stringify({ inputs: prompt }) }),
 * );
 * // answer.data: "Turn 1: you said", then "Turn 1: you said \"hi\".", ...
 */
export function invokeEndpointStreamQueryOptions<TSelected = string>(
  client: SageMakerRuntimeClient,
  input: InvokeEndpointStreamQueryInput,
  options: InvokeEndpointStreamQueryOptions<TSelected> = {},
): InvokeEndpointStreamQueryOptionsResult<TSelected> {
  const { format = "auto", refetchMode, ...rest } = options;
  return {
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    ...rest,
    queryKey: sageMakerKeys.stream(input) as DataTag<
      InvokeEndpointStreamQueryKey,
      string,
      SageMakerError
    >,
    queryFn: streamedQuery<string, string, InvokeEndpointStreamQueryKey>({
      streamFn: async ({ signal }) => {
        const command = new InvokeEndpointWithResponseStreamCommand(
          input as InvokeEndpointWithResponseStreamCommandInput,
        );
        return readStreamPieces(format, await client.send(command, { abortSignal: signal }));
      },
      reducer: (text, piece) => text + piece,
      initialValue: "",
      ...(refetchMode && { refetchMode }),
    }),
  };
}
