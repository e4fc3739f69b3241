import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import {
  InvokeEndpointCommand,
  ModelError,
  SageMakerRuntimeServiceException,
  ValidationError,
} from "../../src/index";

const service = setupMockService({
  credentials: [
    { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    {
      accessKeyId: "ASIATEMP",
      secretAccessKey: "temp-secret",
      sessionToken: "temp-token",
      expiration: new Date(Date.now() - 1000),
    },
  ],
});

const send = (input: { EndpointName: string; Body?: string }, config = {}) =>
  service
    .client(config)
    .send(new InvokeEndpointCommand({ Body: "{}", ...input }))
    .then(
      () => {
        throw new Error("expected the call to fail");
      },
      (error: unknown) => error as SageMakerRuntimeServiceException,
    );

describe("service errors, typed", () => {
  it("an unknown endpoint is a ValidationError naming it", async () => {
    const error = await send({ EndpointName: "nope" });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      name: "ValidationError",
      $fault: "client",
      message: "Endpoint nope of account 123456789012 not found.",
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    expect(error.$metadata.requestId).toBe(service.mock.requests[0]?.requestId);
  });

  it("a failing model is a ModelError with the container's answer, not retried", async () => {
    const error = await send({ EndpointName: "broken" });
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({
      name: "ModelError",
      OriginalStatusCode: 500,
      OriginalMessage: "CUDA out of memory",
      $metadata: { httpStatusCode: 424, attempts: 1 },
    });
    expect((error as ModelError).LogStreamArn).toMatch(
      /^arn:aws:logs:us-east-1:123456789012:log-group/,
    );
    expect(service.mock.requests).toHaveLength(1);
  });

  it("a wrong secret is an InvalidSignatureException", async () => {
    const error = await send(
      { EndpointName: "echo" },
      { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wrong" } },
    );
    expect(error).toBeInstanceOf(SageMakerRuntimeServiceException);
    expect(error).toMatchObject({
      name: "InvalidSignatureException",
      $fault: "client",
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("an unknown key is an UnrecognizedClientException, expired credentials an ExpiredTokenException", async () => {
    expect(
      await send(
        { EndpointName: "echo" },
        { credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" } },
      ),
    ).toMatchObject({
      name: "UnrecognizedClientException",
    });
    expect(
      await send(
        { EndpointName: "echo" },
        {
          credentials: {
            accessKeyId: "ASIATEMP",
            secretAccessKey: "temp-secret",
            sessionToken: "temp-token",
          },
        },
      ),
    ).toMatchObject({ name: "ExpiredTokenException" });
  });

  it("an HTML page from a proxy is a typed error with the status, after the retries", async () => {
    service.mock.faults.html(502).html(502).html(502);
    const error = await send({ EndpointName: "echo" });
    expect(error).toBeInstanceOf(SageMakerRuntimeServiceException);
    expect(error).toMatchObject({
      name: "502",
      $fault: "server",
      $metadata: { httpStatusCode: 502, attempts: 3 },
    });
    expect(error.message).toMatch(/non-JSON 502 answer \(text\/html\)/);
  });

  it("InternalDependencyException (530) is not retried", async () => {
    service.mock.faults.statusSequence([530]);
    const error = await send({ EndpointName: "echo" });
    expect(error).toMatchObject({
      name: "InternalDependencyException",
      $fault: "server",
      $metadata: { attempts: 1 },
    });
  });

  it("no secret, token or body reaches an error or a log line", async () => {
    const lines: string[] = [];
    const logger = {
      debug: (...a: unknown[]) => lines.push(a.join(" ")),
      info: () => {},
      warn: (...a: unknown[]) => lines.push(a.join(" ")),
      error: () => {},
    };
    service.mock.faults.throttle(3);
    const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const body = "patient-record-7731";
    const error = await send(
      { EndpointName: "echo", Body: body },
      {
        logger,
        credentials: {
          accessKeyId: "AKIDEXAMPLE",
          secretAccessKey: secret,
          sessionToken: "tok-SECRET",
        },
      },
    );
    expect(lines.length).toBeGreaterThan(0);
    const text = [String(error), JSON.stringify(error), (error as Error).stack, ...lines].join(
      "\n",
    );
    for (const value of [secret, "tok-SECRET", body]) expect(text).not.toContain(value);
  });

  it("a configuration error is typed, carries $metadata, and sends nothing", async () => {
    const error = await service
      .client({ region: undefined, endpoint: undefined })
      .send(new InvokeEndpointCommand({ EndpointName: "echo", Body: "x" }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "EndpointError",
      message: "Invalid Configuration: Missing Region",
      $metadata: { attempts: 0 },
    });
    expect(service.mock.requests).toHaveLength(0);
  });
});
