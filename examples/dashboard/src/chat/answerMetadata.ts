import type { UIMessage } from "ai";
import type { WeatherTools } from "./demoWeather";

/** What the page knows of an answer besides its parts: who answered, how fast, how much. */
export interface AnswerMetadata {
  endpointName?: string;
  container?: string;
  /** Epoch ms when the call started. */
  startedAt?: number;
  /** From the start of the call to the model's first token (text or a tool call). */
  timeToFirstTokenMs?: number;
  durationMs?: number;
  usage?: { inputTokens?: number; outputTokens?: number };
}

/** The messages of the dashboard's chat. */
export type ChatMessage = UIMessage<AnswerMetadata, never, WeatherTools>;

/** The parts of the model's stream the metadata is made from, as far as it reads them. */
export interface StreamPart {
  type: string;
  totalUsage?: { inputTokens?: number | undefined; outputTokens?: number | undefined };
}

const FIRST_TOKEN = new Set(["text-delta", "reasoning-delta", "tool-input-start"]);

/**
 * The error behind the AI SDK's wrappers (`AI_RetryError`'s last error, `AI_APICallError`'s
 * cause): the SageMaker client's typed error, or the model's own.
 */
export function rootError(error: unknown): unknown {
  let root = error;
  for (let depth = 0; depth < 4 && root instanceof Error && root.name.startsWith("AI_"); depth++) {
    const inner = (root as { lastError?: unknown }).lastError ?? root.cause;
    if (!(inner instanceof Error)) break;
    root = inner;
  }
  return root;
}

/** The name of the error behind the AI SDK's wrappers (`RelayUnreachableError`, …). */
export function errorName(error: unknown): string {
  const root = rootError(error);
  return root instanceof Error ? root.name : "Error";
}

/**
 * The transport's `messageMetadata`: times the answer from its `start` part (time to first
 * token, duration) and takes the usage from `finish`. One call at a time, as one chat sends.
 * (An error's name cannot go here: `useChat` reads nothing after an error chunk.)
 */
export function answerMetadata(
  model: { endpointName: string; container: string },
  now: () => number = () => performance.now(),
  clock: () => number = Date.now,
): (options: { part: StreamPart }) => AnswerMetadata | undefined {
  let startedAt = 0;
  let firstToken = false;
  return ({ part }) => {
    if (part.type === "start") {
      startedAt = now();
      firstToken = false;
      return { ...model, startedAt: clock() };
    }
    if (FIRST_TOKEN.has(part.type) && !firstToken) {
      firstToken = true;
      return { timeToFirstTokenMs: now() - startedAt };
    }
    if (part.type === "finish") {
      const { inputTokens, outputTokens } = part.totalUsage ?? {};
      return {
        durationMs: now() - startedAt,
        usage: {
          ...(inputTokens !== undefined ? { inputTokens } : {}),
          ...(outputTokens !== undefined ? { outputTokens } : {}),
        },
      };
    }
    return undefined;
  };
}
