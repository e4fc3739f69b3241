import {
  type InvokeEndpointQueryInput,
  type InvokeEndpointQueryOptions,
  invokeEndpointQueryOptions,
  type SageMakerError,
} from "@sagefetch/query";
import { type UseQueryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useSageMakerClient } from "./useSageMakerClient";

/**
 * A cached inference for an input on screen: `useQuery` over `invokeEndpointQueryOptions`.
 * Calls with the same endpoint, fields and body share one answer (`decode` is not in the key:
 * shape the data per component with `select`); `enabled`, `staleTime`, `select`,
 * `placeholderData` and the rest behave as in TanStack Query.
 * @example
 * const { data, error, isPending } = useInvokeEndpointQuery(
 *   { EndpointName: "sentiment", Body: JSON.stringify({ inputs: text }), ContentType: "application/json" },
 *   { enabled: text !== "", staleTime: 60_000 },
 * );
 */
export function useInvokeEndpointQuery<TData = unknown, TSelected = TData>(
  input: InvokeEndpointQueryInput,
  // `subscribed` is React Query's own, beyond query-core's options.
  options?: InvokeEndpointQueryOptions<TData, TSelected> & Pick<UseQueryOptions, "subscribed">,
): UseQueryResult<TSelected, SageMakerError> {
  return useQuery(invokeEndpointQueryOptions(useSageMakerClient(), input, options));
}
