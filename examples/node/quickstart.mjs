// The shortest useful program: one InvokeEndpoint, then the same prompt streamed token by token.
//   AWS:      AWS_REGION=… AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… ENDPOINT_NAME=my-llm node quickstart.mjs "Hi"
//   Emulator: node quickstart.mjs "Hi"   (no AWS_ACCESS_KEY_ID: a local emulator and its "chat" model)
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  readTokens,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

const env = process.env;
const emulator = env.AWS_ACCESS_KEY_ID
  ? undefined
  : await import("@sagefetch/emulator").then(({ startEmulator }) => startEmulator({ port: 0 }));

const client = new SageMakerRuntimeClient({
  region: env.AWS_REGION ?? "us-east-1",
  endpoint: emulator?.url ?? env.AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME, // undefined: the region's
  credentials: emulator
    ? { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }
    : {
        accessKeyId: env.AWS_ACCESS_KEY_ID ?? "",
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "",
        sessionToken: env.AWS_SESSION_TOKEN,
      },
});
const input = {
  EndpointName: env.ENDPOINT_NAME ?? "chat",
  ContentType: "application/json",
  Body: JSON.stringify({
    inputs: process.argv[2] ?? "What is SageMaker?",
    parameters: { max_new_tokens: 128 },
  }),
};

try {
  const out = await client.send(new InvokeEndpointCommand(input));
  console.log("invoke:", out.Body.transformToString());

  const { Body } = await client.send(new InvokeEndpointWithResponseStreamCommand(input));
  process.stdout.write("stream: ");
  for await (const token of readTokens(Body)) process.stdout.write(token);
  process.stdout.write("\n");
} catch (/** @type {any} */ error) {
  console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await emulator?.close();
}
