import type { LanguageModelV4 } from "@ai-sdk/provider";
import { openAiRouteOptions, SageMakerRuntimeClient } from "@sagefetch/core";
import type { OpenAiRouteSettings } from "./openAiRoute";
import { SageMakerProviderError } from "./SageMakerProviderError";
import { sageMakerChatModel } from "./sageMakerChatModel";
import type { SageMakerModelSettings, SageMakerProviderSettings } from "./settings";

/** `sagemaker(endpointName, settings)`: a language model for the AI SDK. */
export interface SageMakerProvider {
  (endpointName: string, settings: SageMakerModelSettings): LanguageModelV4;
  languageModel(endpointName: string, settings: SageMakerModelSettings): LanguageModelV4;
}

/**
 * An AI SDK provider for SageMaker endpoints. Each model names its container family, which
 * decides the body sent and the stream read; `openai` takes the endpoint's OpenAI-compatible
 * route with a bearer token made from the same credentials.
 * @example
 * const sagemaker = createSageMaker({ region: "us-east-1", credentials });
 * const result = streamText({ model: sagemaker("my-llm", { container: "vllm" }), prompt: "Hi" });
 */
export function createSageMaker(options: SageMakerProviderSettings = {}): SageMakerProvider {
  let client = options.client;
  // The client is made on first use, so that a provider can be created at module scope.
  const native = () => {
    client ??= new SageMakerRuntimeClient({
      region: required(options.region, "region"),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(options.relay ? { relay: options.relay } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return client;
  };
  const routes = new Map<string, ReturnType<OpenAiRouteSettings>>();
  const openAi: OpenAiRouteSettings = (target) => {
    const key = `${target.endpointName}/${target.inferenceComponentName ?? ""}`;
    let route = routes.get(key);
    if (!route) {
      if (options.relay) {
        throw new SageMakerProviderError(
          "relay",
          "createSageMaker: the openai container's bearer token must not go through a relay; use a native container family.",
        );
      }
      route = openAiRouteOptions({
        ...target,
        region: required(options.region, "region"),
        credentials: required(options.credentials, "credentials"),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      routes.set(key, route);
    }
    return route;
  };
  const languageModel = (endpointName: string, settings: SageMakerModelSettings) =>
    sageMakerChatModel(endpointName, settings, { native, openAi });
  return Object.assign(languageModel, { languageModel });
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) {
    throw new SageMakerProviderError(field, `createSageMaker: \`${field}\` is required.`);
  }
  return value;
}
