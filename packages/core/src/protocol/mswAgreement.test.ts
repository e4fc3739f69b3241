// @sagefetch/msw keeps its own protocol tables on purpose: it judges the client. This checks
// that its tables agree with core's protocol module: every header-bound field a command sends
// (core's tables) reaches the mock's model as that field (msw's tables), every output header
// the mock sets is read back, the partitions' hosts are the mock's, and the body limit is one.
import {
  demoCredentials,
  MAX_PAYLOAD_BYTES,
  type ModelRequest,
  sageMakerHandlers,
} from "@sagefetch/msw";
import { getResponse, type RequestHandler } from "msw";
import { describe, expect, it } from "vitest";
import { SageMakerRuntimeClient } from "../client/SageMakerRuntimeClient";
import { InvokeEndpointAsyncCommand } from "../commands/InvokeEndpointAsyncCommand";
import { InvokeEndpointCommand } from "../commands/InvokeEndpointCommand";
import { InvokeEndpointWithResponseStreamCommand } from "../commands/InvokeEndpointWithResponseStreamCommand";
import { MAX_BODY_BYTES } from "./fields";
import {
  INVOKE_ASYNC_REQUEST,
  INVOKE_ENDPOINT_REQUEST,
  INVOKE_ENDPOINT_RESPONSE,
  INVOKE_STREAM_REQUEST,
  INVOKE_STREAM_RESPONSE,
} from "./headers";
import { PARTITIONS } from "./partitions";

/** Each input field, and the ModelRequest field msw reads it into. */
const MODEL_FIELD: Record<string, keyof ModelRequest> = {
  ContentType: "contentType",
  Accept: "accept",
  CustomAttributes: "customAttributes",
  TargetModel: "targetModel",
  TargetVariant: "targetVariant",
  TargetContainerHostname: "targetContainerHostname",
  InferenceId: "inferenceId",
  EnableExplanations: "enableExplanations",
  InferenceComponentName: "inferenceComponentName",
  SessionId: "sessionId",
  InputLocation: "inputLocation",
};
/** A valid value for each field. */
const VALUE: Record<string, string> = {
  ContentType: "application/x-test",
  Accept: "application/x-answer",
  CustomAttributes: "tenant=1",
  TargetModel: "model-a.tar.gz",
  TargetVariant: "blue",
  TargetContainerHostname: "box-1",
  InferenceId: "inf-1",
  EnableExplanations: "`true`",
  InferenceComponentName: "component-1",
  SessionId: "NEW_SESSION",
  PrefixAwareId: "prefix-1",
  InputLocation: "s3://bucket/input.json",
  S3OutputPathExtension: "out",
  Filename: "input.json",
};

function mockClient(seen: ModelRequest[], region = "us-east-1", host?: string) {
  const model = (request: ModelRequest) => {
    seen.push(request);
    return {
      body: "ok",
      contentType: "text/x-out",
      customAttributes: "echo=1",
      newSessionId: "sess-1; Expires=2999-01-01T00:00:00Z",
    };
  };
  const mock = sageMakerHandlers({
    endpoints: {
      ep: { model, variants: ["blue"], sessions: {} },
      // Multi-model: the only kind that takes TargetModel, and the only kind that needs it.
      multi: { model, models: ["model-a.tar.gz"] },
      // Inference components: requests must name one.
      components: { model, inferenceComponents: ["component-1"] },
    },
  });
  const client = new SageMakerRuntimeClient({
    region,
    credentials: demoCredentials,
    endpoint: host,
    fetch: async (url, init) =>
      (await getResponse(mock.handlers as RequestHandler[], new Request(url, init))) ??
      new Response("no handler", { status: 599 }),
  });
  return { client, mock };
}

describe("msw's request header tables agree with core's", () => {
  it.each([
    ["InvokeEndpoint", INVOKE_ENDPOINT_REQUEST, InvokeEndpointCommand],
    [
      "InvokeEndpointWithResponseStream",
      INVOKE_STREAM_REQUEST,
      InvokeEndpointWithResponseStreamCommand,
    ],
  ] as const)("%s: every header-bound field reaches the model", async (_op, table, Command) => {
    const seen: ModelRequest[] = [];
    const { client } = mockClient(seen);
    const fields = Object.keys(table).filter(
      // The stream joins open sessions only; routing fields that select what the mock
      // answers for are checked one at a time below.
      (field) => !(Command === InvokeEndpointWithResponseStreamCommand && field === "SessionId"),
    );
    for (const field of fields) {
      seen.length = 0;
      const EndpointName =
        field === "TargetModel"
          ? "multi"
          : field === "InferenceComponentName"
            ? "components"
            : "ep";
      const input = { EndpointName, Body: "x", [field]: VALUE[field] };
      await client.send(new Command(input as never) as InvokeEndpointCommand);
      const request = seen[0] as ModelRequest;
      const modelField = MODEL_FIELD[field];
      const received = modelField
        ? request[modelField]
        : request.headers[(table as Record<string, string>)[field] as string];
      expect(received, field).toBe(VALUE[field]);
    }
  });

  it("InvokeEndpointAsync: every header-bound field reaches the model", async () => {
    const seen: ModelRequest[] = [];
    const { client } = mockClient(seen);
    for (const field of Object.keys(INVOKE_ASYNC_REQUEST)) {
      seen.length = 0;
      const input = {
        EndpointName: "ep",
        ...(field === "InputLocation" ? {} : { Body: "x" }),
        [field]: VALUE[field],
      };
      await client.send(new InvokeEndpointAsyncCommand(input as never));
      for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      const request = seen[0] as ModelRequest;
      const modelField = MODEL_FIELD[field];
      const received = modelField
        ? request[modelField]
        : request.headers[(INVOKE_ASYNC_REQUEST as Record<string, string>)[field] as string];
      expect(received, field).toBe(VALUE[field]);
    }
  });
});

describe("msw's response header tables agree with core's", () => {
  it("InvokeEndpoint reads every output header the mock sets", async () => {
    const { client } = mockClient([]);
    const out = await client.send(
      new InvokeEndpointCommand({ EndpointName: "ep", Body: "x", SessionId: "NEW_SESSION" }),
    );
    expect(Object.keys(INVOKE_ENDPOINT_RESPONSE)).toContain("NewSessionId");
    expect(out).toMatchObject({
      ContentType: "text/x-out",
      CustomAttributes: "echo=1",
      InvokedProductionVariant: "blue",
      NewSessionId: "sess-1; Expires=2999-01-01T00:00:00Z",
    });
  });

  it("InvokeEndpointWithResponseStream reads every output header the mock sets", async () => {
    const { client } = mockClient([]);
    const out = await client.send(
      new InvokeEndpointWithResponseStreamCommand({ EndpointName: "ep", Body: "x" }),
    );
    for await (const _ of out.Body) {
      // drain
    }
    for (const field of Object.keys(INVOKE_STREAM_RESPONSE)) {
      expect(out[field as keyof typeof out], field).toBeDefined();
    }
  });
});

describe("msw's limits and hosts agree with core's", () => {
  it("the body limit", () => {
    expect(MAX_PAYLOAD_BYTES).toBe(MAX_BODY_BYTES);
  });

  it.each(PARTITIONS.map(([name]) => name as string))(
    "the mock answers the hosts of partition %s, standard and dual-stack",
    async (name) => {
      const [, , dns, dualStack] = PARTITIONS.find(([n]) => n === name) as readonly string[];
      const region = name === "aws" ? "us-east-1" : `${name.replace(/^aws-/, "")}-test-1`;
      for (const suffix of [dns, dualStack]) {
        const host = `https://runtime.sagemaker.${region}.${suffix}`;
        const { client } = mockClient([], region, host);
        const out = await client.send(new InvokeEndpointCommand({ EndpointName: "ep", Body: "x" }));
        expect(out.Body.transformToString(), host).toBe("ok");
      }
    },
  );
});
