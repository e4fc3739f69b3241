// sagefetch and the AWS SDK for JavaScript v3 — the same code, only the import differs — against
// the sagefetch-emulator over real HTTP: every demo endpoint, sessions, streams, a model
// container, and every fault. The AWS SDK's decoder reading our streams is the proof that the
// framing is the service's; sagefetch passing the same table is the proof of the drop-in.
import { createServer, type Server } from "node:http";
import * as aws from "@aws-sdk/client-sagemaker-runtime";
import { containerModel, type Emulator, startEmulator } from "@sagefetch/emulator";
import { createDemoEndpoints, demoCredentials } from "@sagefetch/msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as sagefetch from "../../src/index";
import { isolateFromAwsEnvironment } from "../differential/harness";

// One type for both, so the same test code drives either (the drop-in claim, made literal).
type Sdk = typeof aws;
const sdks: [string, Sdk][] = [
  ["sagefetch", sagefetch as unknown as Sdk],
  ["the AWS SDK", aws],
];

let emulator: Emulator;
let container: Server;
const lines: string[] = [];

beforeAll(async () => {
  isolateFromAwsEnvironment();
  container = await startFakeContainer();
  const address = container.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  emulator = await startEmulator({
    port: 0,
    endpoints: {
      ...createDemoEndpoints({ slowMs: 100 }),
      llm: containerModel(`http://127.0.0.1:${port}`),
    },
    log: (line) => lines.push(line),
  });
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => container.close(resolve));
});
afterEach(() => {
  emulator.mock.reset();
  emulator.setClockSkew(0);
});

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const json = (bytes: Uint8Array | undefined) => JSON.parse(text(bytes));

describe.each(sdks)("%s against the emulator", (_name, sdk) => {
  const client = (maxAttempts = 1, credentials = demoCredentials) =>
    new sdk.SageMakerRuntimeClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { ...credentials },
      maxAttempts,
    });
  const invoke = (input: aws.InvokeEndpointCommandInput, maxAttempts = 1) =>
    client(maxAttempts).send(new sdk.InvokeEndpointCommand(input));
  const failure = (input: aws.InvokeEndpointCommandInput, maxAttempts = 1) =>
    invoke(input, maxAttempts).then(
      () => expect.unreachable("the call should fail"),
      (error: unknown) => error as Error & Record<string, unknown>,
    );
  /** The parts of a stream, and the error that ended it if one did. */
  async function stream(input: aws.InvokeEndpointWithResponseStreamCommandInput) {
    const output = await client().send(new sdk.InvokeEndpointWithResponseStreamCommand(input));
    const parts: string[] = [];
    let error: (Error & Record<string, unknown>) | undefined;
    try {
      for await (const event of output.Body ?? []) {
        if (event.PayloadPart) parts.push(text(event.PayloadPart.Bytes));
      }
    } catch (caught) {
      error = caught as Error & Record<string, unknown>;
    }
    return { output, parts, error };
  }

  describe("demo endpoints", () => {
    it("echo: the body, content type and custom attributes", async () => {
      const output = await invoke({
        EndpointName: "echo",
        Body: '{"hello":"emulator"}',
        ContentType: "application/json",
        CustomAttributes: "trace=1",
      });
      expect(text(output.Body)).toBe('{"hello":"emulator"}');
      expect(output).toMatchObject({
        ContentType: "application/json",
        CustomAttributes: "trace=1",
        InvokedProductionVariant: "AllTraffic",
        $metadata: { httpStatusCode: 200, attempts: 1 },
      });
      expect(emulator.mock.requests[0]?.accessKeyId).toBe("AKIDEXAMPLE");
    });

    it("sentiment: labels", async () => {
      const output = await invoke({
        EndpointName: "sentiment",
        Body: JSON.stringify({ inputs: ["I love it", "this is terrible"] }),
        ContentType: "application/json",
      });
      expect(json(output.Body)).toEqual([
        { label: "POSITIVE", score: 0.8333 },
        { label: "NEGATIVE", score: 0.8333 },
      ]);
    });

    it("tabular: CSV in, CSV out", async () => {
      const output = await invoke({
        EndpointName: "tabular",
        Body: "0,0\n2,2",
        ContentType: "text/csv",
      });
      expect(output.ContentType).toBe("text/csv");
      expect(text(output.Body)).toBe("0.5\n0.880797\n");
    });

    it("flaky: a ModelError with the container's status, then an answer", async () => {
      const error = await failure({ EndpointName: "flaky", Body: "{}" });
      expect(error).toBeInstanceOf(sdk.ModelError);
      expect(error).toMatchObject({
        name: "ModelError",
        OriginalStatusCode: 503,
        OriginalMessage: "Simulated failure on call 1",
        $metadata: { httpStatusCode: 424 },
      });
      expect(error.LogStreamArn).toMatch(/^arn:aws:logs:us-east-1:/);
      expect(json((await invoke({ EndpointName: "flaky", Body: "{}" })).Body)).toEqual({
        ok: true,
        invocation: 2,
      });
    });

    it("slow: answers after its delay", async () => {
      const output = await invoke({
        EndpointName: "slow",
        Body: "{}",
        CustomAttributes: "delay-ms=30",
      });
      expect(json(output.Body)).toEqual({ waitedMs: 30 });
    });

    it("chat: a stateful session opened, used (history kept), and closed", async () => {
      const opened = await invoke({
        EndpointName: "chat",
        Body: '{"requestType":"NEW_SESSION"}',
        ContentType: "application/json",
        SessionId: "NEW_SESSION",
      });
      const id = opened.NewSessionId?.split(";")[0] ?? "";
      expect(opened.NewSessionId).toMatch(/^[\w-]+; Expires=/);
      await invoke({ EndpointName: "chat", Body: '{"inputs":"hi"}', SessionId: id });
      const second = await stream({
        EndpointName: "chat",
        Body: '{"inputs":"again"}',
        SessionId: id,
      });
      expect(second.parts.join("")).toContain("Turn 2");
      const closed = await invoke({
        EndpointName: "chat",
        Body: '{"requestType":"CLOSE"}',
        SessionId: id,
      });
      expect(closed.ClosedSessionId).toBe(id);
      const gone = await failure({ EndpointName: "chat", Body: '{"inputs":"?"}', SessionId: id });
      expect(gone).toMatchObject({ name: "ModelError", OriginalStatusCode: 400 });
      expect(String(gone.OriginalMessage)).toContain("session not found");
    });

    it("chat: streams TGI tokens, each byte its own network write", async () => {
      emulator.mock.stream.chunking = "byte";
      const { output, parts, error } = await stream({
        EndpointName: "chat",
        Body: '{"inputs":"hello"}',
      });
      expect(error).toBeUndefined();
      expect(output.ContentType).toBe("text/event-stream");
      expect(parts.length).toBeGreaterThan(3);
      expect(parts.join("")).toContain('"generated_text":"Turn 1: you said \\"hello\\"."');
    });

    it("echo: streams its body in parts", async () => {
      const { parts } = await stream({ EndpointName: "echo", Body: "abcdefghi" });
      expect(parts).toEqual(["abc", "def", "ghi"]);
    });

    it("unknown endpoint: ValidationError with the service's text", async () => {
      const error = await failure({ EndpointName: "missing", Body: "{}" });
      expect(error).toBeInstanceOf(sdk.ValidationError);
      expect(error.message).toBe("Endpoint missing of account 123456789012 not found.");
    });
  });

  describe("a model container behind --container", () => {
    it("invoke and stream go through the container", async () => {
      const output = await invoke({ EndpointName: "llm", Body: "ping?", CustomAttributes: "k=v" });
      expect(json(output.Body)).toEqual({ received: "ping?", attributes: "k=v" });
      const { parts } = await stream({ EndpointName: "llm", Body: "stream" });
      expect(parts.join("")).toBe("one two three");
    });
  });

  describe("faults", () => {
    it.each([
      ["throttle", "ThrottlingException"],
      ["status:503", "ServiceUnavailable"],
      ["status:500", "InternalFailure"],
    ])("%s → %s", async (spec, name) => {
      await fetch(`${emulator.url}/_emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `["${spec}"]`,
      });
      const error = await failure({ EndpointName: "echo", Body: "{}" });
      expect(error.name).toBe(name);
      expect(error.$metadata).toMatchObject({ attempts: 1 });
    });

    it("a proxy's HTML page is an error with its status", async () => {
      emulator.mock.faults.html(502);
      const error = await failure({ EndpointName: "echo", Body: "{}" });
      expect(error.$metadata).toMatchObject({ httpStatusCode: 502 });
    });

    it("a dropped connection is an error, retried when allowed", async () => {
      emulator.mock.faults.drop();
      await failure({ EndpointName: "echo", Body: "{}" });
      emulator.mock.faults.drop();
      const output = await invoke({ EndpointName: "echo", Body: "{}" }, 2);
      expect(output.$metadata.attempts).toBe(2);
    });

    it("retries get past a throttle and a 503 within the attempts", async () => {
      emulator.mock.faults.throttle(1).statusSequence([503]);
      const output = await invoke({ EndpointName: "echo", Body: '{"n":1}' }, 3);
      expect(output.$metadata.attempts).toBe(3);
      expect(emulator.mock.requests.map((request) => request.status)).toEqual([400, 503, 200]);
    });

    it("a delay still answers", async () => {
      emulator.mock.faults.delay(50);
      expect(text((await invoke({ EndpointName: "echo", Body: "late" })).Body)).toBe("late");
    });

    it("a server clock 15 minutes ahead: corrected from the answer, then signed right", async () => {
      emulator.setClockSkew(15 * 60_000);
      const output = await invoke({ EndpointName: "echo", Body: "{}" }, 2);
      expect(output.$metadata.attempts).toBe(2);
      expect(emulator.mock.requests.map((request) => request.status)).toEqual([403, 200]);
    });

    it.each([
      ["cut-stream:2", 2],
      ["corrupt-stream:1", 1],
    ])("%s: the parts before it, then an error", async (spec, count) => {
      await fetch(`${emulator.url}/_emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `["${spec}"]`,
      });
      const { parts, error } = await stream({ EndpointName: "chat", Body: '{"inputs":"hello"}' });
      expect(parts).toHaveLength(count);
      expect(error).toBeInstanceOf(Error);
    });
  });
});

describe("a stream truncated mid-message at a clean end of body", () => {
  it("both keep the whole part, then fail; sagefetch with a typed error", async () => {
    const read = async (sdk: Sdk) => {
      emulator.mock.faults.truncateStream(1);
      const client = new sdk.SageMakerRuntimeClient({
        endpoint: emulator.url,
        region: "us-east-1",
        credentials: { ...demoCredentials },
        maxAttempts: 1,
      });
      const output = await client.send(
        new sdk.InvokeEndpointWithResponseStreamCommand({
          EndpointName: "chat",
          Body: '{"inputs":"hello"}',
        }),
      );
      const parts: unknown[] = [];
      try {
        for await (const event of output.Body ?? []) parts.push(event);
        return { parts: parts.length, error: undefined };
      } catch (error) {
        return { parts: parts.length, error: (error as Error).name };
      }
    };
    expect(await read(sagefetch as unknown as Sdk)).toEqual({
      parts: 1,
      error: "EventStreamError",
    });
    // The AWS SDK throws a plain Error (botocore, in the CLI's tests, ends quietly instead).
    expect(await read(aws)).toEqual({ parts: 1, error: "Error" });
  });
});

describe("the emulator's log", () => {
  it("has one line per call, without a header, body or secret", () => {
    expect(lines.length).toBeGreaterThanOrEqual(40);
    for (const line of lines.filter((l) => !l.startsWith("POST /_emulator/"))) {
      expect(line).toMatch(
        /^POST \/endpoints\/[a-z]+\/invocations(-response-stream)? (\d{3}|0) \d+ms [a-z]+( \([a-z][\w :,.()-]*\))?$/,
      );
      expect(line).not.toContain(demoCredentials.secretAccessKey);
      expect(line).not.toContain("hello");
    }
  });
});

/** A model container per the SageMaker contract: GET /ping, POST /invocations (streams "stream"). */
async function startFakeContainer(): Promise<Server> {
  const server = createServer(async (request, response) => {
    if (request.method === "GET" && request.url === "/ping") {
      response.writeHead(200).end();
      return;
    }
    let body = "";
    for await (const chunk of request) body += String(chunk);
    if (body === "stream") {
      response.writeHead(200, { "content-type": "text/plain" });
      for (const word of ["one ", "two ", "three"]) {
        response.write(word);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      response.end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        received: body,
        attributes: request.headers["x-amzn-sagemaker-custom-attributes"],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
