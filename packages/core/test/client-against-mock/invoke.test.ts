import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import { InvokeEndpointCommand, SageMakerRuntime } from "../../src/index";

const service = setupMockService({ hosts: ["http://localhost:8080/prefix"] });

describe("InvokeEndpoint against the mock service", () => {
  it("returns the model's answer with the output fields and metadata", async () => {
    const client = service.client();
    const out = await client.send(
      new InvokeEndpointCommand({
        EndpointName: "sentiment",
        Body: JSON.stringify({ inputs: "I love this" }),
        ContentType: "application/json",
        Accept: "application/json",
      }),
    );
    expect(JSON.parse(out.Body.transformToString())).toEqual([{ label: "POSITIVE", score: 0.98 }]);
    expect(out.ContentType).toBe("application/json");
    expect(out.InvokedProductionVariant).toBe("AllTraffic");
    const [received] = service.mock.requests;
    expect(received?.accessKeyId).toBe("AKIDEXAMPLE");
    expect(out.$metadata).toEqual({
      httpStatusCode: 200,
      requestId: received?.requestId,
      attempts: 1,
      totalRetryDelay: 0,
    });
  });

  it("sends binary bodies byte for byte, from every body type", async () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const client = service.client();
    for (const Body of [all, all.buffer, new DataView(all.buffer), new Blob([all])]) {
      const out = await client.send(new InvokeEndpointCommand({ EndpointName: "echo", Body }));
      expect(Array.from(out.Body)).toEqual(Array.from(all));
    }
    const text = "héllo ✓ 你好";
    const out = await client.send(
      new InvokeEndpointCommand({ EndpointName: "echo", Body: text, ContentType: "text/plain" }),
    );
    expect(out.Body.transformToString()).toBe(text);
    expect(out.ContentType).toBe("text/plain");
  });

  it("carries every routing field to the model, and CustomAttributes back", async () => {
    const client = service.client();
    const out = await client.send(
      new InvokeEndpointCommand({
        EndpointName: "inspect",
        Body: "{}",
        Accept: "application/json",
        TargetModel: "model-a.tar.gz",
        TargetContainerHostname: "container-1",
        InferenceId: "inference 42",
        InferenceComponentName: "ic-llama",
        SessionId: "NEW_SESSION",
        EnableExplanations: "`true`",
        PrefixAwareId: "tenant-7",
      }),
    );
    expect(JSON.parse(out.Body.transformToString())).toEqual({
      targetModel: "model-a.tar.gz",
      targetContainerHostname: "container-1",
      inferenceId: "inference 42",
      inferenceComponentName: "ic-llama",
      sessionId: "NEW_SESSION",
      enableExplanations: "`true`",
      accept: "application/json",
      prefixAwareId: "tenant-7",
    });
    const echoed = await client.send(
      new InvokeEndpointCommand({
        EndpointName: "echo",
        Body: "x",
        CustomAttributes: "trace-id=abc; c=1",
      }),
    );
    expect(echoed.CustomAttributes).toBe("trace-id=abc; c=1");
  });

  it("routes to a production variant and reports it", async () => {
    const out = await service
      .client()
      .send(
        new InvokeEndpointCommand({ EndpointName: "variants", Body: "x", TargetVariant: "green" }),
      );
    expect(out.InvokedProductionVariant).toBe("green");
  });

  it("reads NewSessionId and ClosedSessionId", async () => {
    const client = service.client();
    const opened = await client.send(
      new InvokeEndpointCommand({ EndpointName: "session", Body: "{}", SessionId: "NEW_SESSION" }),
    );
    expect(opened.NewSessionId).toBe("sess-1; Expires=2026-11-24T13:00:00Z");
    const closed = await client.send(
      new InvokeEndpointCommand({ EndpointName: "session", Body: "{}", SessionId: "sess-1" }),
    );
    expect(closed.ClosedSessionId).toBe("sess-1");
  });

  it("signs for every partition's host and for FIPS and dual-stack", async () => {
    for (const config of [
      { region: "eu-west-1" },
      { region: "cn-north-1" },
      { region: "us-gov-west-1", useFipsEndpoint: true },
      { region: "us-east-1", useFipsEndpoint: true, useDualstackEndpoint: true },
      { region: "fips-us-east-1" },
    ]) {
      const out = await service
        .client(config)
        .send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" }));
      expect(out.Body.transformToString()).toBe("x");
    }
    expect(service.mock.requests.map((r) => new URL(r.url).host)).toEqual([
      "runtime.sagemaker.eu-west-1.amazonaws.com",
      "runtime.sagemaker.cn-north-1.amazonaws.com.cn",
      "runtime.sagemaker.us-gov-west-1.amazonaws.com",
      "runtime.sagemaker-fips.us-east-1.api.aws",
      "runtime-fips.sagemaker.us-east-1.amazonaws.com",
    ]);
  });

  it("sends to a custom endpoint with a base path", async () => {
    const client = service.client({ endpoint: "http://localhost:8080/prefix" });
    const out = await client.send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" }));
    expect(out.Body.transformToString()).toBe("x");
    expect(service.mock.requests[0]?.url).toBe(
      "http://localhost:8080/prefix/endpoints/echo/invocations",
    );
  });

  it("the aggregated client has invokeEndpoint()", async () => {
    const runtime = new SageMakerRuntime({
      region: "us-east-1",
      credentials: {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      },
      fetch: service.fetch,
    });
    const out = await runtime.invokeEndpoint({ EndpointName: "echo", Body: "aggregated" });
    expect(out.Body.transformToString()).toBe("aggregated");
  });

  it("never sets a header a browser forbids", async () => {
    await service.client().send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" }));
    const sent: string[] = [];
    const spy = service.client({
      fetch: async (input, init) => {
        sent.push(...Object.keys(init?.headers ?? {}).map((h) => h.toLowerCase()));
        return service.fetch(input, init);
      },
    });
    await spy.send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" }));
    for (const forbidden of [
      "host",
      "content-length",
      "user-agent",
      "connection",
      "date",
      "origin",
    ]) {
      expect(sent).not.toContain(forbidden);
    }
    expect(sent).toEqual(
      expect.arrayContaining([
        "authorization",
        "x-amz-date",
        "amz-sdk-invocation-id",
        "amz-sdk-request",
      ]),
    );
  });
});
