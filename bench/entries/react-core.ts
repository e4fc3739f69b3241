// The baseline for react.ts: what an app that invokes, streams (tokens and text) and uses
// stateful sessions loads from core without the hooks.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTextChunks,
  readTokens,
  SageMakerRuntimeClient,
  Session,
} from "@sagefetch/core";

export {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTextChunks,
  readTokens,
  Session,
};

export const client = new SageMakerRuntimeClient({
  region: "us-east-1",
  credentials: (globalThis as { creds?: never }).creds,
});
