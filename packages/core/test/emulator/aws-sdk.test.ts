// The AWS SDK for JavaScript v3, with `endpoint`, against the sagefetch-emulator over real HTTP
// (its default NodeHttpHandler; no MSW interception). The emulator is @sagefetch/msw's: it lives
// here because @aws-sdk/client-sagemaker-runtime is a dev dependency of this package only.
import {
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  ModelError,
  SageMakerRuntimeClient,
} from "@aws-sdk/client-sagemaker-runtime";
import { demoCredentials } from "@sagefetch/msw";
import { type Emulator, startEmulator } from "@sagefetch/msw/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isolateFromAwsEnvironment } from "../differential/harness";

let emulator: Emulator;
const lines: string[] = [];

beforeAll(async () => {
  isolateFromAwsEnvironment();
  emulator = await startEmulator({ port: 0, log: (line) => lines.push(line) });
});
afterAll(() => emulator.close());
afterEach(() => emulator.mock.reset());

const client = (credentials = demoCredentials) =>
  new SageMakerRuntimeClient({
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: { ...credentials },
    maxAttempts: 1,
  });
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("the AWS SDK against the emulator", () => {
  it("InvokeEndpoint on echo", async () => {
    const output = await client().send(
      new InvokeEndpointCommand({
        EndpointName: "echo",
        Body: JSON.stringify({ hello: "sdk" }),
        ContentType: "application/json",
        CustomAttributes: "trace=1",
      }),
    );
    expect(text(output.Body)).toBe('{"hello":"sdk"}');
    expect(output.ContentType).toBe("application/json");
    expect(output.InvokedProductionVariant).toBe("AllTraffic");
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(output.$metadata.requestId).toMatch(/\S/);
    expect(emulator.mock.requests[0]?.accessKeyId).toBe("AKIDEXAMPLE");
  });

  it("InvokeEndpoint on sentiment", async () => {
    const output = await client().send(
      new InvokeEndpointCommand({
        EndpointName: "sentiment",
        Body: JSON.stringify({ inputs: ["I love it", "this is terrible"] }),
        ContentType: "application/json",
      }),
    );
    expect(JSON.parse(text(output.Body))).toEqual([
      { label: "POSITIVE", score: 0.8333 },
      { label: "NEGATIVE", score: 0.8333 },
    ]);
  });

  it("InvokeEndpointWithResponseStream on chat: the SDK's own decoder reads the stream", async () => {
    emulator.mock.stream.chunking = "byte"; // every byte its own write: the SDK reassembles
    const output = await client().send(
      new InvokeEndpointWithResponseStreamCommand({
        EndpointName: "chat",
        Body: JSON.stringify({ inputs: "hello" }),
        ContentType: "application/json",
      }),
    );
    expect(output.ContentType).toBe("text/event-stream");
    expect(output.InvokedProductionVariant).toBe("AllTraffic");
    const parts: string[] = [];
    for await (const event of output.Body ?? []) {
      if (event.PayloadPart) parts.push(text(event.PayloadPart.Bytes));
    }
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBe(emulator.mock.requests[0]?.streamedParts);
    const sse = parts.join("");
    expect(sse.startsWith("data: ")).toBe(true);
    expect(sse).toContain('"generated_text"');
  });

  it("a ModelError comes back as the SDK's ModelError", async () => {
    const error = await client()
      .send(new InvokeEndpointCommand({ EndpointName: "sentiment", Body: '{"inputs":42}' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({
      name: "ModelError",
      OriginalStatusCode: 400,
      $metadata: { httpStatusCode: 424 },
    });
  });

  it("a bad signature is refused with InvalidSignatureException", async () => {
    const wrong = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-the-secret" };
    const error = await client(wrong)
      .send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "{}" }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "InvalidSignatureException",
      $metadata: { httpStatusCode: 403 },
    });
    const unknownKey = { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" };
    await expect(
      client(unknownKey).send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "{}" })),
    ).rejects.toMatchObject({ name: "UnrecognizedClientException" });
  });

  it("logged every call without a header, body or secret", () => {
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      expect(line).toMatch(
        /^POST \/endpoints\/[a-z]+\/invocations(-response-stream)? \d{3} \d+ms [a-z]+$/,
      );
      expect(line).not.toContain(demoCredentials.secretAccessKey);
    }
  });
});
