import type { QueryClient } from "@tanstack/query-core";
import { sageMakerKeys } from "./sageMakerKeys";

/**
 * Marks cached answers stale and refetches those on screen: one endpoint's (after deploying a
 * new model to it, say), or every sagefetch query.
 * @example await invalidateSageMakerQueries(queryClient, "sentiment")
 */
export function invalidateSageMakerQueries(
  queryClient: QueryClient,
  endpointName?: string,
): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: endpointName === undefined ? sageMakerKeys.all : sageMakerKeys.endpoint(endpointName),
  });
}
