import { type InvokeEndpointCommandOutput, SageMakerRuntimeClient } from "@sagefetch/core";
import { demoCredentials } from "@sagefetch/msw";

/**
 * A client for the demo: the MSW mock in the page plays SageMaker and accepts these credentials.
 * A real app gives its users' credentials (a Cognito Identity Pool) and a relay URL instead.
 */
export const demoClient = (): SageMakerRuntimeClient =>
  new SageMakerRuntimeClient({ region: "us-east-1", credentials: demoCredentials });

export interface Sentiment {
  label: "POSITIVE" | "NEGATIVE";
  score: number;
}

/** The sentiment model's answer: one result per input text. */
export const decodeSentiment = (output: InvokeEndpointCommandOutput): Sentiment[] =>
  JSON.parse(output.Body.transformToString()) as Sentiment[];

export const sentimentInput = (text: string) => ({
  EndpointName: "sentiment",
  Body: JSON.stringify({ inputs: text }),
  ContentType: "application/json",
});

/** A chat model in the style of Hugging Face TGI: it streams one token event per part. */
export const chatInput = (prompt: string) => ({
  EndpointName: "chat",
  Body: JSON.stringify({ inputs: prompt, parameters: { max_new_tokens: 64 } }),
  ContentType: "application/json",
});

/** The slow model answers `{"waitedMs": n}` after the delay its custom attributes name. */
export const slowCall = (delayMs: number) => ({
  Body: "{}",
  CustomAttributes: `delay-ms=${delayMs}`,
});
export const slowDefaults = { EndpointName: "slow", ContentType: "application/json" };
