// The path users take today: the AI SDK's openai-compatible provider on the OpenAI route, with
// aws4fetch to sign the bearer token's presigned URL (the token itself made as core does).
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { AwsClient } from "aws4fetch";

const aws = new AwsClient({ ...globalThis.creds, service: "sagemaker", region: "us-east-1" });
export const provider = createOpenAICompatible({
  name: "sagemaker",
  baseURL: "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/my-llm/openai/v1",
  fetch: async (url, init) => {
    const signed = await aws.sign("https://sagemaker.amazonaws.com/?Action=CallWithBearerToken", {
      method: "POST",
      aws: { signQuery: true },
    });
    const token = `sagemaker-api-key-${btoa(`${signed.url.slice(8)}&Version=1`)}`;
    return fetch(url, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } });
  },
});
