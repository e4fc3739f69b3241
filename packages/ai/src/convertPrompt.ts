import type {
  LanguageModelV4Prompt,
  LanguageModelV4ToolResultOutput,
  SharedV4Warning,
} from "@ai-sdk/provider";
import type { ChatMessage, ChatToolCall } from "@sagefetch/core";

/**
 * The AI SDK's prompt as the OpenAI-shaped messages every chat container family is built from
 * (core's request builders turn them into each family's body). Files and reasoning parts have no
 * place in a text chat body: they are left out, with a warning, rather than sent half-understood.
 */
export function convertPrompt(prompt: LanguageModelV4Prompt): {
  messages: ChatMessage[];
  warnings: SharedV4Warning[];
} {
  const messages: ChatMessage[] = [];
  const warnings: SharedV4Warning[] = [];
  const dropped = new Set<string>();
  for (const message of prompt) {
    switch (message.role) {
      case "system":
        messages.push({ role: "system", content: message.content });
        break;
      case "user": {
        let text = "";
        for (const part of message.content) {
          if (part.type === "text") text += part.text;
          else dropped.add(`${part.type} parts in user messages`);
        }
        messages.push({ role: "user", content: text });
        break;
      }
      case "assistant": {
        let text = "";
        const toolCalls: ChatToolCall[] = [];
        for (const part of message.content) {
          if (part.type === "text") text += part.text;
          else if (part.type === "tool-call") {
            toolCalls.push({
              id: part.toolCallId,
              type: "function",
              function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) },
            });
          } else if (part.type === "tool-result") {
            // Results of tools the provider ran itself; SageMaker containers run none.
            dropped.add("provider-executed tool results");
          } else if (part.type !== "reasoning") {
            dropped.add(`${part.type} parts in assistant messages`);
          }
        }
        messages.push({
          role: "assistant",
          content: text,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        });
        break;
      }
      case "tool":
        for (const part of message.content) {
          if (part.type !== "tool-result") {
            dropped.add("tool approval responses");
            continue;
          }
          messages.push({
            role: "tool",
            tool_call_id: part.toolCallId,
            content: toolOutputText(part.output),
          });
        }
        break;
    }
  }
  for (const feature of dropped) warnings.push({ type: "unsupported", feature });
  return { messages, warnings };
}

/** A tool's output as the text a chat template puts in a `tool` message. */
function toolOutputText(output: LanguageModelV4ToolResultOutput): string {
  switch (output.type) {
    case "text":
    case "error-text":
      return output.value;
    case "json":
    case "error-json":
      return JSON.stringify(output.value);
    case "execution-denied":
      return output.reason ?? "The tool call was denied.";
    default:
      return JSON.stringify(output);
  }
}
