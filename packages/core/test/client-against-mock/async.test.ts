import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import { InvokeEndpointAsyncCommand, ValidationError } from "../../src/index";

const service = setupMockService();

describe("InvokeEndpointAsync against the mock service", () => {
  it("queues an inline body and says where the output will be", async () => {
    const out = await service.client().send(
      new InvokeEndpointAsyncCommand({
        EndpointName: "sentiment",
        Body: JSON.stringify({ inputs: "I love async" }),
        ContentType: "application/json",
        RequestTTLSeconds: 600,
        InvocationTimeoutSeconds: 60,
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect(out.InferenceId).toMatch(/\S/);
    expect(out.OutputLocation).toMatch(/^s3:\/\/.+\.out$/);
    expect(out.FailureLocation).toMatch(/^s3:\/\//);
    const result = await service.mock.asyncResults.settled(out.InferenceId as string);
    expect(result.status).toBe("completed");
    expect(result.output?.json()).toEqual([{ label: "POSITIVE", score: 0.98 }]);
  });

  it("passes an InputLocation, with the output path options", async () => {
    const out = await service.client().send(
      new InvokeEndpointAsyncCommand({
        EndpointName: "echo",
        InputLocation: "s3://my-bucket/inputs/request-1.json",
        InferenceId: "inf-1",
        S3OutputPathExtension: "runs/7",
        Filename: "answer.json",
      }),
    );
    expect(out.InferenceId).toBe("inf-1");
    expect(out.OutputLocation).toContain("runs/7");
    expect(out.OutputLocation).toContain("answer.json");
    const sent = service.mock.requests[0]?.headers ?? {};
    expect(sent["x-amzn-sagemaker-inputlocation"]).toBe("s3://my-bucket/inputs/request-1.json");
  });

  it.each([
    [{ EndpointName: "echo" }, "InputLocation", "required"],
    [{ EndpointName: "echo", Body: "x", InputLocation: "s3://b/k" }, "Body", "exclusive"],
    [{ EndpointName: "echo", InputLocation: "ftp://b/k" }, "InputLocation", "pattern"],
    [{ EndpointName: "echo", Body: "x", RequestTTLSeconds: 30 }, "RequestTTLSeconds", "range"],
    [
      { EndpointName: "echo", Body: "x", InvocationTimeoutSeconds: 3601 },
      "InvocationTimeoutSeconds",
      "range",
    ],
    [
      { EndpointName: "echo", Body: "x", InvocationTimeoutSeconds: 1.5 },
      "InvocationTimeoutSeconds",
      "type",
    ],
  ])("rejects %j before sending (%s, %s)", async (input, field, rule) => {
    const error = await service
      .client()
      .send(new InvokeEndpointAsyncCommand(input))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, rule });
    expect(service.mock.requests).toHaveLength(0);
  });
});
