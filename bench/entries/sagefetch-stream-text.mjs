// The baseline of sagefetch-chat: an app that invokes and streams, reading the parts as text
// (no token or chat reader).
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTextChunks,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: globalThis.creds });
export const invoke = (input) => client.send(new InvokeEndpointCommand(input));
export async function* stream(input) {
  const { Body } = await client.send(new InvokeEndpointWithResponseStreamCommand(input));
  yield* readTextChunks(Body);
}
