import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  type SageMakerRuntimeClient,
} from "@sagefetch/core";
import type { DataTag, QueryFunction, QueryObserverOptions } from "@tanstack/query-core";
import { decodeBody } from "./decodeBody";
import {
  type InvokeEndpointQueryInput,
  type InvokeEndpointQueryKey,
  sageMakerKeys,
} from "./sageMakerKeys";
import type { AdapterTypedOption, Decoder, SageMakerError } from "./types";

/** TanStack Query's query options (but the key and function), plus `decode`. */
export interface InvokeEndpointQueryOptions<TData = unknown, TSelected = TData>
  extends Omit<
    QueryObserverOptions<TData, SageMakerError, TSelected, TData, InvokeEndpointQueryKey>,
    "queryKey" | "queryFn"
  > {
  /**
   * Turns the answer into `data` (kept in the cache, so it should be serializable if the cache
   * is dehydrated or persisted).
   *
   * Not part of the query key (a function has no stable identity to key on, nor one the
   * server and the browser share): every component asking for the same input shares one
   * cache entry, decoded by whichever fetched it. Give an input the same `decode` everywhere,
   * and shape the data per component with `select`.
   * @default decodeBody: JSON parsed, text and CSV as a string, anything else as bytes
   */
  decode?: Decoder<TData>;
}

/**
 * Options for any adapter's `useQuery` / `createQuery` / `injectQuery`, `useQueries`,
 * `prefetchQuery`, `fetchQuery`, `ensureQueryData`...: a key tagged with the data's type, so
 * that `getQueryData(options.queryKey)` is typed too. `enabled` and `persister` are passed on
 * but left out of the type, as the adapters type them differently (Vue Query's `enabled` is a
 * ref or getter, not a function of the query).
 */
export type InvokeEndpointQueryOptionsResult<TData = unknown, TSelected = TData> = Omit<
  InvokeEndpointQueryOptions<TData, TSelected>,
  "decode" | AdapterTypedOption
> & {
  queryKey: DataTag<InvokeEndpointQueryKey, TData, SageMakerError>;
  queryFn: QueryFunction<TData, InvokeEndpointQueryKey>;
};

/**
 * Query options for one InvokeEndpoint answer: the key (`sageMakerKeys.invoke(input)`), a
 * function that sends the call with TanStack Query's `signal` (so a cancelled query aborts it)
 * and decodes the answer, and `retry: false`, as the client retries already (pass `retry` to
 * have TanStack Query retry too).
 * @example
 * await queryClient.prefetchQuery(invokeEndpointQueryOptions(client, { EndpointName: "sentiment", Body: text }));
 * const query = useQuery(() => invokeEndpointQueryOptions(client, input)); // Solid, Svelte
 */
export function invokeEndpointQueryOptions<TData = unknown, TSelected = TData>(
  client: SageMakerRuntimeClient,
  input: InvokeEndpointQueryInput,
  options: InvokeEndpointQueryOptions<TData, TSelected> = {},
): InvokeEndpointQueryOptionsResult<TData, TSelected> {
  const { decode = decodeBody as Decoder<TData>, ...rest } = options;
  return {
    retry: false,
    ...rest,
    queryKey: sageMakerKeys.invoke(input) as DataTag<InvokeEndpointQueryKey, TData, SageMakerError>,
    queryFn: async ({ signal }) => {
      const output = await client.send(new InvokeEndpointCommand(input), { abortSignal: signal });
      return decode(output, input as InvokeEndpointCommandInput);
    },
  };
}
