// The same with the official client.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  SageMakerRuntimeClient,
} from "@aws-sdk/client-sagemaker-runtime";

const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: globalThis.creds });
export const invoke = (input) => client.send(new InvokeEndpointCommand(input));
export async function* stream(input) {
  const { Body } = await client.send(new InvokeEndpointWithResponseStreamCommand(input));
  const decoder = new TextDecoder();
  for await (const event of Body) yield decoder.decode(event.PayloadPart?.Bytes, { stream: true });
}
