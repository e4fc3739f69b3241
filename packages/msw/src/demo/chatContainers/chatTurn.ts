import { modelError } from "../../handlers/model-error";
import type { ModelRequest } from "../../handlers/model-types";

/** A message of an OpenAI Chat Completions body, as far as the demo reads it. */
export interface DemoMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
}

/** What a demo container was asked, read from its family's body. */
export interface TurnInput {
  messages: DemoMessage[];
  /** Names of the tools the request offers. */
  tools: string[];
  /** The family's max-tokens field; undefined when the request sets none. */
  maxTokens: number | undefined;
  stream: boolean;
  includeUsage: boolean;
}

/** What the model answers: text cut into tokens, or one tool call with its arguments in pieces. */
export type TurnReply = { promptTokens: number; failMidStream: boolean } & (
  | { kind: "text"; tokens: string[]; finish: "stop" | "length" }
  | { kind: "tool"; id: string; name: string; argumentPieces: string[] }
);

export const WEATHER_TOOL = "get_weather";
const DEFAULT_MAX_TOKENS = 64;

const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part) => (typeof part?.text === "string" ? part.text : "")).join("")
      : "";
const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** The request's JSON body, or the container's 400 (as a 424 ModelError from SageMaker). */
export function jsonBody(request: ModelRequest): Record<string, unknown> {
  try {
    const body: unknown = JSON.parse(request.text());
    if (body && typeof body === "object" && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw modelError(400, "Body is not a JSON object");
}

/** A positive whole number of tokens, or undefined. */
export function tokenLimit(value: unknown): number | undefined {
  return typeof value === "number" && value > 0 ? Math.floor(value) : undefined;
}

/**
 * The demo model's answer, fixed for a given input so that tests can expect it:
 * - after a tool's result (`role: "tool"`), a sentence that gives it;
 * - offered `get_weather` and asked about the weather, a call of it for the city named
 *   ("in Paris"), its arguments streamed in pieces;
 * - else `Turn n: you said "…".`, cut to the max tokens.
 * `[error]` in the last message (or `error=mid-stream` in CustomAttributes) asks for a failure
 * after the first token.
 */
export function replyTo(input: TurnInput, request: ModelRequest): TurnReply {
  const last = input.messages.at(-1);
  const lastText = textOf(last?.content);
  const promptTokens = input.messages.reduce((n, m) => n + countWords(textOf(m.content)), 0);
  const failMidStream =
    lastText.includes("[error]") || (request.customAttributes ?? "").includes("error=mid-stream");
  const common = { promptTokens, failMidStream };
  if (last?.role !== "tool" && input.tools.includes(WEATHER_TOOL) && /weather/i.test(lastText)) {
    const city = /\bin ([A-Z][\w-]*)/.exec(lastText)?.[1] ?? "Paris";
    const args = JSON.stringify({ city });
    const argumentPieces = args.match(/.{1,5}/g) ?? [args];
    return {
      ...common,
      kind: "tool",
      id: `call_${city.toLowerCase()}_1`,
      name: WEATHER_TOOL,
      argumentPieces,
    };
  }
  const turn = input.messages.filter((m) => m.role === "user").length;
  const text =
    last?.role === "tool"
      ? `The weather tool says: ${lastText}.`
      : `Turn ${turn}: you said "${lastText}".`;
  const words = text.match(/\s*\S+/g) ?? [];
  const max = input.maxTokens ?? DEFAULT_MAX_TOKENS;
  const tokens = words.slice(0, max);
  return { ...common, kind: "text", tokens, finish: words.length > max ? "length" : "stop" };
}

/** The number of tokens a reply generates (tool-call pieces count as tokens). */
export function completionTokens(reply: TurnReply): number {
  return reply.kind === "text" ? reply.tokens.length : reply.argumentPieces.length + 1;
}
