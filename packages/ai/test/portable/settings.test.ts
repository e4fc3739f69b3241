// Settings the provider cannot work with fail typed, naming the setting, before anything is sent.
import { demoCredentials } from "@sagefetch/msw";
import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { createSageMaker, SageMakerProviderError } from "../../src/index";

const attempt = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("provider settings", () => {
  it("refuses to send a bearer token through a relay: the openai container in a page", async () => {
    let sent = 0;
    const sagemaker = createSageMaker({
      region: "us-east-1",
      credentials: demoCredentials,
      relay: "https://relay.example",
      fetch: async () => {
        sent++;
        return new Response(null, { status: 500 });
      },
    });
    const error = await attempt(
      generateText({ model: sagemaker("my-llm", { container: "openai" }), prompt: "Hi" }),
    );
    expect(error).toBeInstanceOf(SageMakerProviderError);
    expect(error).toMatchObject({ name: "SageMakerProviderError", field: "relay" });
    expect(sent).toBe(0);
  });

  it.each([
    ["region", { credentials: demoCredentials }],
    ["credentials", { region: "us-east-1" }],
  ] as const)("names a missing %s", async (field, settings) => {
    const sagemaker = createSageMaker(settings);
    const error = await attempt(
      generateText({ model: sagemaker("my-llm", { container: "openai" }), prompt: "Hi" }),
    );
    expect(error).toMatchObject({ name: "SageMakerProviderError", field });
  });
});
