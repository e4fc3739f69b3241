import { invalid } from "../validate/validateFields";

/**
 * A container family, by the body it takes: `tgi` and `lmi` take `{"inputs", "parameters"}`;
 * `tgi-messages` (TGI's Messages API), `lmi-messages`, `vllm` and `sglang` take an OpenAI
 * Chat Completions body.
 */
export type ChatContainer = "tgi" | "tgi-messages" | "lmi" | "lmi-messages" | "vllm" | "sglang";

/** A tool call the assistant made, as OpenAI's messages carry it. */
export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** A chat message in OpenAI's shape. */
export type ChatMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: "tool"; content: string; tool_call_id: string };

/** A function the model may call, in OpenAI's shape (`parameters`: a JSON Schema). */
export interface ChatTool {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequestOptions {
  messages: ChatMessage[];
  /** Most tokens to generate: `max_tokens`, or `parameters.max_new_tokens` for `inputs` bodies. */
  maxTokens?: number;
  /** Stream the answer (`InvokeEndpointWithResponseStream`). @default true */
  stream?: boolean;
  /**
   * Ask for token counts at the end of the stream (`stream_options.include_usage`); `inputs`
   * bodies always ask for `details`, which count generated tokens.
   * @default false
   */
  includeUsage?: boolean;
  /** Functions the model may call; only bodies in OpenAI's shape carry them. */
  tools?: ChatTool[];
  temperature?: number;
  /**
   * The prompt an `inputs` body sends for the messages. Use the model's own chat template here.
   * @default one `role: content` line a message, then `assistant:`
   */
  prompt?: (messages: ChatMessage[]) => string;
}

const INPUTS_STYLE = new Set<ChatContainer>(["tgi", "lmi"]);
const CONTAINERS = new Set<string>([
  ...INPUTS_STYLE,
  "tgi-messages",
  "lmi-messages",
  "vllm",
  "sglang",
]);

const transcript = (messages: ChatMessage[]) =>
  `${messages.map((m) => `${m.role}: ${m.content ?? ""}`).join("\n")}\nassistant:`;

/**
 * The JSON body a container family expects for a chat, to send with
 * `ContentType: "application/json"`; read its stream with `readChatEvents`.
 * @example
 * const body = buildChatRequest("vllm", { messages, maxTokens: 256, includeUsage: true });
 * await client.send(new InvokeEndpointWithResponseStreamCommand({
 *   EndpointName, ContentType: "application/json", Body: JSON.stringify(body) }));
 */
export function buildChatRequest(
  container: ChatContainer,
  options: ChatRequestOptions,
): Record<string, unknown> {
  const { messages, maxTokens, stream = true, includeUsage = false, tools, temperature } = options;
  const where = "buildChatRequest";
  if (!CONTAINERS.has(container)) {
    invalid(where, "container", "enum", `must be one of ${[...CONTAINERS].join(", ")}`);
  }
  if (!Array.isArray(messages) || messages.length === 0) {
    invalid(where, "messages", "required", "must be a non-empty array");
  }
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens > 0)) {
    invalid(where, "maxTokens", "range", "must be a positive whole number");
  }
  const sampling = temperature === undefined ? {} : { temperature };
  if (INPUTS_STYLE.has(container)) {
    if (tools?.length) {
      invalid(where, "tools", "unsupported", `cannot be sent in a ${container} "inputs" body`);
    }
    return {
      inputs: (options.prompt ?? transcript)(messages),
      parameters: {
        ...(maxTokens !== undefined && { max_new_tokens: maxTokens }),
        ...sampling,
        details: true,
      },
      stream,
    };
  }
  return {
    messages,
    ...(maxTokens !== undefined && { max_tokens: maxTokens }),
    ...sampling,
    stream,
    ...(stream && includeUsage && { stream_options: { include_usage: true } }),
    ...(tools?.length && { tools }),
  };
}
