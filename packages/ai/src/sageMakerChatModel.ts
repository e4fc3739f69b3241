import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  SharedV4ProviderMetadata,
} from "@ai-sdk/provider";
import { chatBody } from "./chatBody";
import { callNativeRoute } from "./nativeRoute";
import { callOpenAiRoute } from "./openAiRoute";
import type { SageMakerCallOptions, SageMakerModelSettings } from "./settings";
import { toApiCallError } from "./toApiCallError";
import { toStreamParts } from "./toStreamParts";

/** What a model needs of its provider: how to call each route. */
export interface ModelContext {
  native: Parameters<typeof callNativeRoute>[0];
  openAi: Parameters<typeof callOpenAiRoute>[0];
}

/**
 * One SageMaker endpoint as an AI SDK language model. `doStream` reads the container's own stream
 * (native route) or the OpenAI route's SSE as core's chat events; `doGenerate` is that stream
 * gathered, so both give the same content, finish reason and usage for the same answer.
 */
export function sageMakerChatModel(
  endpointName: string,
  settings: SageMakerModelSettings,
  context: ModelContext,
): LanguageModelV4 {
  const doStream = async (options: LanguageModelV4CallOptions) => {
    const { body, warnings } = chatBody(options, {
      container: settings.container,
      model: settings.model,
      prompt: settings.prompt,
      stream: true,
    });
    const call = (options.providerOptions?.sagemaker ?? {}) as SageMakerCallOptions;
    const route =
      settings.container === "openai"
        ? callOpenAiRoute(context.openAi, endpointName, settings, body, options.abortSignal)
        : callNativeRoute(context.native, endpointName, settings, call, body, options);
    const { url, events, metadata, headers } = await route.catch((error: unknown) => {
      throw toApiCallError(error, { url: endpointUrl(endpointName), requestBodyValues: {} });
    });
    const stream = toStreamParts(events, {
      warnings,
      metadata,
      includeRaw: options.includeRawChunks,
      toError: (error) => toApiCallError(error, { url, requestBodyValues: {} }),
    });
    return { stream, request: { url, body }, response: { headers } };
  };

  return {
    specificationVersion: "v4",
    provider: "sagemaker",
    modelId: settings.inferenceComponent
      ? `${endpointName}/${settings.inferenceComponent}`
      : endpointName,
    supportedUrls: {},
    doStream,
    async doGenerate(options) {
      const { stream, request, response } = await doStream(options);
      return { ...(await gather(stream)), request, response };
    },
  };
}

const endpointUrl = (endpointName: string) => `sagemaker:endpoints/${endpointName}`;

/** A stream's parts as one result: the text, the tool calls, the finish. */
async function gather(
  stream: ReadableStream<LanguageModelV4StreamPart>,
): Promise<Omit<LanguageModelV4GenerateResult, "request" | "response">> {
  const content: LanguageModelV4Content[] = [];
  let text = "";
  let reasoning = "";
  const result: Omit<LanguageModelV4GenerateResult, "request" | "response" | "content"> = {
    finishReason: { unified: "interrupted", raw: undefined },
    usage: {
      inputTokens: {
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    },
    warnings: [],
  };
  let providerMetadata: SharedV4ProviderMetadata | undefined;
  const reader = stream.getReader();
  for (;;) {
    const { done, value: part } = await reader.read();
    if (done) break;
    switch (part.type) {
      case "stream-start":
        result.warnings = part.warnings;
        break;
      case "text-delta":
        text += part.delta;
        break;
      case "reasoning-delta":
        reasoning += part.delta;
        break;
      case "tool-call":
        content.push(part);
        break;
      case "error":
        throw part.error;
      case "finish":
        result.finishReason = part.finishReason;
        result.usage = part.usage;
        providerMetadata = part.providerMetadata;
        break;
    }
  }
  if (text) content.unshift({ type: "text", text });
  if (reasoning) content.unshift({ type: "reasoning", text: reasoning });
  return { ...result, content, ...(providerMetadata ? { providerMetadata } : {}) };
}
