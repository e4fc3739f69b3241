// The baseline for query.ts: what a TanStack Query app that invokes and streams (tokens and
// text) loads from core without @sagefetch/query.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTextChunks,
  readTokens,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

export {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTextChunks,
  readTokens,
};

export const client = new SageMakerRuntimeClient({
  region: "us-east-1",
  credentials: (globalThis as { creds?: never }).creds,
});
