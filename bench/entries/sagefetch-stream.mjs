// An app that invokes and streams.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTokens,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: globalThis.creds });
export const invoke = (input) => client.send(new InvokeEndpointCommand(input));
export async function* stream(input) {
  const { Body } = await client.send(new InvokeEndpointWithResponseStreamCommand(input));
  yield* readTokens(Body);
}
