import { describe, expect, it, vi } from "vitest";
import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  SageMakerRuntimeClient,
  ValidationError,
} from "../src/index";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "session-token-value-that-must-not-leak";

function client() {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response("{}"));
  const c = new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN },
    fetch,
  });
  return { c, fetch };
}

const valid: InvokeEndpointCommandInput = { EndpointName: "my-endpoint", Body: "{}" };
const long = (n: number, c = "a") => c.repeat(n);

// field, bad value, the rule it breaks
const BAD: [keyof InvokeEndpointCommandInput, unknown, string][] = [
  ["EndpointName", undefined, "required"],
  ["EndpointName", long(64), "maxLength"],
  ["EndpointName", "my_endpoint", "pattern"],
  ["EndpointName", "-leading", "pattern"],
  ["EndpointName", "a/../../other", "pattern"],
  ["EndpointName", "ünïcode", "ascii"],
  ["EndpointName", 42, "type"],
  ["Body", undefined, "required"],
  ["Body", null, "required"],
  ["Body", 42, "type"],
  ["Body", { json: true }, "type"],
  ["Body", new ReadableStream(), "type"],
  ["Body", new Uint8Array(6 * 1024 * 1024 + 1), "maxBytes"],
  ["Body", long(6 * 1024 * 1024 + 1), "maxBytes"],
  ["ContentType", long(1025), "maxLength"],
  ["ContentType", "application/json\r\nX-Injected: 1", "ascii"],
  ["ContentType", "text/plain\u0000", "ascii"],
  ["Accept", "application/jsön", "ascii"],
  ["Accept", ["application/json"], "type"],
  ["CustomAttributes", long(1025), "maxLength"],
  ["CustomAttributes", "trace=1\nx-amz-security-token: forged", "ascii"],
  ["CustomAttributes", "naïve", "ascii"],
  ["TargetModel", "", "minLength"],
  ["TargetModel", " leading-space.tar.gz", "pattern"],
  ["TargetModel", long(1025), "maxLength"],
  ["TargetVariant", long(64), "maxLength"],
  ["TargetVariant", "variant_1", "pattern"],
  ["TargetContainerHostname", "host.name", "pattern"],
  ["InferenceId", "", "minLength"],
  ["InferenceId", long(65), "maxLength"],
  ["InferenceId", "\tid", "pattern"],
  ["EnableExplanations", "", "minLength"],
  ["EnableExplanations", long(65), "maxLength"],
  ["InferenceComponentName", "ends-with-dash-", "pattern"],
  ["InferenceComponentName", long(64), "maxLength"],
  ["SessionId", "new_session", "pattern"],
  ["SessionId", long(257), "maxLength"],
  ["SessionId", "abc\r\n", "ascii"],
  ["PrefixAwareId", "", "minLength"],
  ["PrefixAwareId", "ünï", "ascii"],
];

describe("InvokeEndpoint input validation", () => {
  it.each(BAD)("%s = %o is rejected (%s) before any network call", async (field, value, rule) => {
    const { c, fetch } = client();
    const error = await c
      .send(new InvokeEndpointCommand({ ...valid, [field]: value }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ name: "ValidationError", $fault: "client", field, rule });
    expect((error as Error).message).toContain(field);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("never echoes a sensitive value, a secret or the body in the error", async () => {
    const { c } = client();
    const marker = "s3nsitive-marker";
    for (const input of [
      { ...valid, CustomAttributes: `${marker}\n` },
      { ...valid, CustomAttributes: `${marker}${long(1100)}` },
      { ...valid, Body: `${marker}${long(6 * 1024 * 1024)}` },
      { ...valid, SessionId: `${marker}_bad` },
    ]) {
      const error = await c.send(new InvokeEndpointCommand(input)).catch((e: unknown) => e);
      const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
      for (const secret of [marker, SECRET, TOKEN]) expect(text).not.toContain(secret);
    }
  });

  it("accepts every field at its limits", async () => {
    const { c, fetch } = client();
    await c.send(
      new InvokeEndpointCommand({
        EndpointName: `a${"-b".repeat(31)}`,
        Body: new Uint8Array(6 * 1024 * 1024),
        ContentType: long(1024),
        Accept: long(1024),
        CustomAttributes: `${long(1000)} \t~!`,
        TargetModel: "model.tar.gz",
        TargetVariant: long(63),
        TargetContainerHostname: "c1",
        InferenceId: long(64, "i"),
        EnableExplanations: "`true`",
        InferenceComponentName: "a-b-c",
        SessionId: "NEW_SESSION",
        PrefixAwareId: "tenant-42",
      }),
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
