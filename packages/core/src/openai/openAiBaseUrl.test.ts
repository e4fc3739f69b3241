import { describe, expect, it } from "vitest";
import { openAiBaseUrl } from "./openAiBaseUrl";

describe("openAiBaseUrl", () => {
  it.each([
    [{}, "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/my-llm/openai/v1"],
    [
      { inferenceComponentName: "llama-ic-1" },
      "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/my-llm/inference-components/llama-ic-1/openai/v1",
    ],
    [
      { useFipsEndpoint: true },
      "https://runtime-fips.sagemaker.us-east-1.amazonaws.com/endpoints/my-llm/openai/v1",
    ],
    [
      { region: "fips-us-east-1" },
      "https://runtime-fips.sagemaker.us-east-1.amazonaws.com/endpoints/my-llm/openai/v1",
    ],
    [
      { useDualstackEndpoint: true },
      "https://runtime.sagemaker.us-east-1.api.aws/endpoints/my-llm/openai/v1",
    ],
    [
      { useFipsEndpoint: true, useDualstackEndpoint: true },
      "https://runtime.sagemaker-fips.us-east-1.api.aws/endpoints/my-llm/openai/v1",
    ],
    [
      { region: "cn-north-1" },
      "https://runtime.sagemaker.cn-north-1.amazonaws.com.cn/endpoints/my-llm/openai/v1",
    ],
    [
      { region: "cn-northwest-1", useDualstackEndpoint: true },
      "https://runtime.sagemaker.cn-northwest-1.api.amazonwebservices.com.cn/endpoints/my-llm/openai/v1",
    ],
    [
      { region: "us-gov-west-1", useFipsEndpoint: true },
      "https://runtime.sagemaker.us-gov-west-1.amazonaws.com/endpoints/my-llm/openai/v1",
    ],
    [
      { endpoint: "http://127.0.0.1:4010/base/" },
      "http://127.0.0.1:4010/base/endpoints/my-llm/openai/v1",
    ],
  ])("%j → %s", (extra, url) => {
    expect(openAiBaseUrl({ region: "us-east-1", endpointName: "my-llm", ...extra })).toBe(url);
  });

  it.each([
    [{ endpointName: "" }, "endpointName"],
    [{ endpointName: "a/../b" }, "endpointName"],
    [{ endpointName: undefined }, "endpointName"],
    [{ inferenceComponentName: "ic-" }, "inferenceComponentName"],
  ])("rejects %j naming %s", (bad, field) => {
    expect(() =>
      openAiBaseUrl({ region: "us-east-1", endpointName: "my-llm", ...(bad as object) } as never),
    ).toThrow(expect.objectContaining({ name: "ValidationError", field }));
  });

  it("rejects a region that is no host label", () => {
    expect(() => openAiBaseUrl({ region: "us-east-1.evil.com/", endpointName: "x" })).toThrow(
      expect.objectContaining({ name: "EndpointError" }),
    );
  });
});
