import type { LanguageModelV4CallOptions, SharedV4Warning } from "@ai-sdk/provider";
import {
  buildChatRequest,
  type ChatContainer,
  type ChatMessage,
  type ChatTool,
} from "@sagefetch/core";
import { convertPrompt } from "./convertPrompt";

/** Families whose body is OpenAI's Chat Completions request (tools, tool_choice, stop, …). */
const OPENAI_SHAPED = new Set<string>(["tgi-messages", "lmi-messages", "vllm", "sglang", "openai"]);

/** The container family's name of each sampling setting of an `inputs` body. */
const INPUTS_PARAMETERS = {
  tgi: { stopSequences: "stop", topP: "top_p", topK: "top_k", seed: "seed" },
  lmi: { stopSequences: "stop_sequences", topP: "top_p", topK: "top_k", seed: "seed" },
} as const;

export interface ChatBodyOptions {
  /** The family, or `openai` for the OpenAI-compatible route. */
  container: ChatContainer | "openai";
  /** The `model` field of an OpenAI-shaped body (the route ignores it; some containers need it). */
  model?: string;
  /** How an `inputs` body renders the messages: the model's chat template. */
  prompt?: (messages: ChatMessage[]) => string;
  stream: boolean;
}

/**
 * The JSON body for one call: core's request builder for the family, with the AI SDK's other
 * settings put where that family reads them, and a warning for each one it has no place for
 * (the AI SDK shows them to the developer; nothing is dropped silently).
 */
export function chatBody(
  options: LanguageModelV4CallOptions,
  { container, model, prompt, stream }: ChatBodyOptions,
): { body: Record<string, unknown>; warnings: SharedV4Warning[] } {
  const { messages, warnings } = convertPrompt(options.prompt);
  const openAiShaped = OPENAI_SHAPED.has(container);
  const tools = functionTools(options, openAiShaped, warnings);
  const family = container === "openai" ? "vllm" : container;
  const body = buildChatRequest(family, {
    messages,
    maxTokens: options.maxOutputTokens,
    stream,
    includeUsage: stream,
    temperature: options.temperature,
    ...(tools ? { tools } : {}),
    ...(prompt ? { prompt } : {}),
  });
  const unsupported = (feature: string, details?: string) =>
    warnings.push({ type: "unsupported", feature, ...(details ? { details } : {}) });

  if (openAiShaped) {
    if (model) body.model = model;
    assign(body, "stop", options.stopSequences);
    assign(body, "top_p", options.topP);
    assign(body, "seed", options.seed);
    assign(body, "presence_penalty", options.presencePenalty);
    assign(body, "frequency_penalty", options.frequencyPenalty);
    if (options.topK !== undefined) unsupported("topK", "OpenAI-shaped bodies have no top_k");
    if (tools && options.toolChoice) body.tool_choice = toolChoice(options.toolChoice);
    if (options.responseFormat?.type === "json") {
      body.response_format = options.responseFormat.schema
        ? {
            type: "json_schema",
            json_schema: {
              name: options.responseFormat.name ?? "response",
              schema: options.responseFormat.schema,
            },
          }
        : { type: "json_object" };
    }
  } else {
    const names = INPUTS_PARAMETERS[family as keyof typeof INPUTS_PARAMETERS];
    body.parameters ??= {};
    const parameters = body.parameters as Record<string, unknown>;
    assign(parameters, names.stopSequences, options.stopSequences);
    assign(parameters, names.topP, options.topP);
    assign(parameters, names.topK, options.topK);
    assign(parameters, names.seed, options.seed);
    for (const setting of ["presencePenalty", "frequencyPenalty"] as const) {
      if (options[setting] !== undefined) unsupported(setting, `${container} bodies have none`);
    }
    if (options.responseFormat?.type === "json") {
      unsupported("responseFormat", `${container} bodies cannot ask for JSON`);
    }
  }
  return { body, warnings };
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** The AI SDK's function tools in OpenAI's shape; provider tools have no meaning here. */
function functionTools(
  options: LanguageModelV4CallOptions,
  openAiShaped: boolean,
  warnings: SharedV4Warning[],
): ChatTool[] | undefined {
  const tools = options.tools ?? [];
  if (tools.length === 0 || options.toolChoice?.type === "none") return undefined;
  if (!openAiShaped) {
    warnings.push({
      type: "unsupported",
      feature: "tools",
      details: "tgi and lmi bodies carry no tools",
    });
    return undefined;
  }
  const chatTools: ChatTool[] = [];
  for (const tool of tools) {
    if (tool.type !== "function") {
      warnings.push({ type: "unsupported", feature: `provider tool ${tool.id}` });
      continue;
    }
    chatTools.push({
      type: "function",
      function: {
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: tool.inputSchema as Record<string, unknown>,
      },
    });
  }
  return chatTools.length ? chatTools : undefined;
}

function toolChoice(choice: NonNullable<LanguageModelV4CallOptions["toolChoice"]>): unknown {
  return choice.type === "tool"
    ? { type: "function", function: { name: choice.toolName } }
    : choice.type;
}
