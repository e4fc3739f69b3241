// The suite-wide guard (guard.setup.ts, a setup file of every project) at work in each runtime:
// it notes what a call is given, and finds it where it must not be.
import { describe, expect, it } from "vitest";
import { createBearerToken, InvokeEndpointCommand, SageMakerRuntimeClient } from "../../src/index";
import { captureConsole, takeFindings } from "./guard.setup";

const TOKEN = "guard-canary-session-token-7d2f";
const CUSTOM = "guard-canary-custom-attributes-31c";

/** A client whose service answers with an error that echoes what it was sent, as AWS's verbose signature errors do. */
const echoingClient = () =>
  new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: {
      accessKeyId: "ASIAGUARD",
      secretAccessKey: "guard-secret-5e1",
      sessionToken: TOKEN,
    },
    maxAttempts: 1,
    fetch: async (_url, init) => {
      const sent = new Headers(init?.headers);
      const message = `Canonical String: x-amz-security-token:${sent.get("x-amz-security-token")} x-amzn-sagemaker-custom-attributes:${sent.get("x-amzn-sagemaker-custom-attributes")}`;
      return new Response(JSON.stringify({ message }), {
        status: 403,
        headers: { "x-amzn-ErrorType": "InvalidSignatureException" },
      });
    },
  });

describe("the secrets guard", () => {
  it("finds a session token in the error a call rejects with", async () => {
    // An app's own fetch that puts a header in its error: the client passes fetch's error on.
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials: {
        accessKeyId: "ASIAGUARD",
        secretAccessKey: "guard-secret-5e1",
        sessionToken: TOKEN,
      },
      maxAttempts: 1,
      fetch: async (_url, init) => {
        throw new TypeError(`refused ${new Headers(init?.headers).get("x-amz-security-token")}`);
      },
    });
    await client.send(new InvokeEndpointCommand({ EndpointName: "e", Body: "{}" })).catch(() => {});
    const findings = takeFindings();
    expect(findings).toContain("error.message: sessionToken");
    expect(findings).toContain("error.toString(): sessionToken");
  });

  it("finds nothing once a service error quoting the token and CustomAttributes is redacted", async () => {
    const error = await echoingClient()
      .send(new InvokeEndpointCommand({ EndpointName: "e", Body: "{}", CustomAttributes: CUSTOM }))
      .then(
        () => new Error("no error"),
        (e: unknown) => e as Error,
      );
    expect(takeFindings()).toEqual([]);
    expect(error.message).toBe(
      "Canonical String: x-amz-security-token:[redacted] x-amzn-sagemaker-custom-attributes:[redacted]",
    );
  });

  it("finds a Body written to the console", async () => {
    const body = "guard-canary-body-for-console-0a9";
    await echoingClient()
      .send(new InvokeEndpointCommand({ EndpointName: "e", Body: body }))
      .catch(() => {});
    takeFindings();
    const printed = captureConsole(() => console.info(`debugging: ${body}`));
    expect(printed).toEqual([["info", `debugging: ${body}`]]);
    expect(takeFindings()).toContain("console.info.0: Body");
  });

  it("finds a bearer token, or its decoded presigned URL, written to the console", () => {
    const token = createBearerToken({
      credentials: { accessKeyId: "AKIDGUARD", secretAccessKey: "guard-secret-5e1" },
      region: "us-east-1",
    });
    // Written through the guard, but kept out of the run's output.
    captureConsole(() => console.warn("calling with", token));
    expect(takeFindings()).toContain("console.warn.1: bearerToken");
    captureConsole(() => console.warn(`url: ${atob(token.slice("sagemaker-api-key-".length))}`));
    expect(takeFindings()).toContain("console.warn.0: bearerToken");
    captureConsole(() => console.warn("sagemaker-api-key- is the prefix"));
    expect(takeFindings()).toEqual([]);
  });
});
