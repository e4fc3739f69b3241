// What an app that only invokes imports.
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@sagefetch/core";

const client = new SageMakerRuntimeClient({ region: "us-east-1", credentials: globalThis.creds });
export const invoke = (input) => client.send(new InvokeEndpointCommand(input));
