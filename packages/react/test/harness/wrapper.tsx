import type { SageMakerRuntimeClient } from "@sagefetch/core";
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { SageMakerProvider } from "../../src/index";

/** A wrapper for renderHook: the provider with the client and a fresh QueryClient. */
export function providerFor(
  client: SageMakerRuntimeClient,
  queryClient: QueryClient = new QueryClient(),
): (props: { children: ReactNode }) => ReactNode {
  return ({ children }) => (
    <SageMakerProvider client={client} queryClient={queryClient}>
      {children}
    </SageMakerProvider>
  );
}

/** Settles a promise that may reject, for assertions on the error. */
export const settle = <T,>(promise: Promise<T>): Promise<T | Error> =>
  promise.catch((error: Error) => error);
