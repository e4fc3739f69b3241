import {
  type Decoder,
  type InvokeEndpointQueryInput,
  type InvokeEndpointQueryKey,
  invokeEndpointQueryOptions,
  type SageMakerError,
} from "@sagefetch/query";
import {
  type UseSuspenseQueryOptions,
  type UseSuspenseQueryResult,
  useSuspenseQuery,
} from "@tanstack/react-query";
import { useSageMakerClient } from "./useSageMakerClient";

/** TanStack Query's `useSuspenseQuery` options (but the key and function), plus `decode`. */
export interface InvokeEndpointSuspenseQueryOptions<TData = unknown, TSelected = TData>
  extends Omit<
    UseSuspenseQueryOptions<TData, SageMakerError, TSelected, InvokeEndpointQueryKey>,
    "queryKey" | "queryFn"
  > {
  /**
   * Not part of the query key: one `decode` per input across the app; per component, `select`.
   * @default decodeBody
   */
  decode?: Decoder<TData>;
}

/**
 * `useInvokeEndpointQuery` for Suspense: the component suspends until the answer is there, and
 * an error goes to the nearest error boundary; `data` is always defined.
 * @example
 * const { data } = useInvokeEndpointSuspenseQuery({ EndpointName: "tabular", Body: "1,2,3", ContentType: "text/csv" });
 */
export function useInvokeEndpointSuspenseQuery<TData = unknown, TSelected = TData>(
  input: InvokeEndpointQueryInput,
  options?: InvokeEndpointSuspenseQueryOptions<TData, TSelected>,
): UseSuspenseQueryResult<TSelected, SageMakerError> {
  return useSuspenseQuery(invokeEndpointQueryOptions(useSageMakerClient(), input, options));
}
