// sagefetch-stream-text plus what a chat app adds: typed chat events from any container's
// stream, and a bearer token for the OpenAI-compatible route.
import {
  createBearerToken,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readChatEvents,
  readTextChunks,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: globalThis.creds });
export const invoke = (input) => client.send(new InvokeEndpointCommand(input));
export async function* stream(input) {
  const { Body } = await client.send(new InvokeEndpointWithResponseStreamCommand(input));
  yield* readTextChunks(Body);
}
export async function* chat(input) {
  const { Body } = await client.send(new InvokeEndpointWithResponseStreamCommand(input));
  yield* readChatEvents(Body);
}
export const token = () =>
  createBearerToken({ credentials: globalThis.creds, region: "us-east-1" });
