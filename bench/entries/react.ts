// What an app using @sagefetch/react loads: every hook, the provider, and the client.
// Measured on top of react-core.ts (the core an app using the same features loads), with
// react, react-dom and @tanstack/react-query external: the package's own cost.
import { SageMakerRuntimeClient } from "@sagefetch/core";

export {
  invalidateSageMakerQueries,
  invokeEndpointQueryOptions,
  SageMakerProvider,
  sageMakerKeys,
  useInvokeEndpoint,
  useInvokeEndpointQuery,
  useInvokeEndpointStream,
  useInvokeEndpointSuspenseQuery,
  useStatefulSession,
} from "@sagefetch/react";

export const client = new SageMakerRuntimeClient({
  region: "us-east-1",
  credentials: (globalThis as { creds?: never }).creds,
});
