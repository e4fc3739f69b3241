import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import {
  type InvokeEndpointQueryOptions,
  invokeEndpointQueryOptions,
} from "./invokeEndpointQueryOptions";
import type { InvokeEndpointQueryInput } from "./sageMakerKeys";
import type { SageMakerError } from "./types";
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
  options?: InvokeEndpointQueryOptions<TData, TSelected>,
): UseQueryResult<TSelected, SageMakerError> {
  return useQuery(invokeEndpointQueryOptions(useSageMakerClient(), input, options));
}
