// What an app using @sagefetch/query loads: every option factory, the keys, and the client.
// Measured on top of query-core.ts (the core an app using the same features loads), with
// @tanstack/query-core external (the app's adapter brings it): the package's own cost.
import { SageMakerRuntimeClient } from "@sagefetch/core";

export {
  decodeBody,
  invalidateSageMakerQueries,
  invokeEndpointMutationOptions,
  invokeEndpointQueryOptions,
  invokeEndpointStreamQueryOptions,
  sageMakerKeys,
} from "@sagefetch/query";

export const client = new SageMakerRuntimeClient({
  region: "us-east-1",
  credentials: (globalThis as { creds?: never }).creds,
});
