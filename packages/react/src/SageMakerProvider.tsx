import type { SageMakerRuntimeClient } from "@sagefetch/core";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { type ReactElement, type ReactNode, useContext, useRef } from "react";
import { SageMakerContext } from "./internal/SageMakerContext";

export interface SageMakerProviderProps {
  /**
   * The client every hook below sends with.
   * @example new SageMakerRuntimeClient({ region: "us-east-1", credentials })
   */
  client: SageMakerRuntimeClient;
  /**
   * The `QueryClient` for the hooks' queries and mutations.
   * @default the one of an enclosing `QueryClientProvider`, else one of the provider's own
   */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/**
 * Gives the client to the hooks below. It uses the app's `QueryClient` (the `queryClient`
 * prop, or an enclosing `QueryClientProvider`), and makes one only when there is none.
 * @example
 * <SageMakerProvider client={client}>
 *   <App />
 * </SageMakerProvider>
 */
export function SageMakerProvider({
  client,
  queryClient,
  children,
}: SageMakerProviderProps): ReactElement {
  const outer = useContext(QueryClientContext);
  const own = useRef<QueryClient | undefined>(undefined);
  // Made once, and only when the app has none: one cache for the provider's lifetime.
  // (Providing the enclosing one again is harmless: it is the same client.)
  if (!(queryClient ?? outer)) own.current ??= new QueryClient();
  const chosen = (queryClient ?? outer ?? own.current) as QueryClient;
  return (
    <QueryClientProvider client={chosen}>
      <SageMakerContext.Provider value={client}>{children}</SageMakerContext.Provider>
    </QueryClientProvider>
  );
}
