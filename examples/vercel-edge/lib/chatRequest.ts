import type { UIMessage } from "ai";

/** What `/api/chat` takes from a `useChat` request. */
export interface ChatRequest {
  /** The conversation as the page holds it, newest last. */
  messages: UIMessage[];
  /** An open stateful session of the endpoint (`Session.open` in @sagefetch/core). */
  sessionId?: string;
}

const MAX_REQUEST_CHARS = 100_000;
const ROLES = new Set(["system", "user", "assistant"]);

/**
 * The POST body `useChat`'s `DefaultChatTransport` sends (`{ id, messages, trigger, messageId }`
 * and whatever `body` the page adds; `sessionId` is read), or a message naming the field that
 * is wrong. The parts' contents are left to `convertToModelMessages`.
 */
export async function readChatRequest(request: Request): Promise<ChatRequest | string> {
  const text = await request.text();
  if (text.length > MAX_REQUEST_CHARS) return `The body is over ${MAX_REQUEST_CHARS} characters.`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "The body is not JSON: send what useChat sends, { messages: [...] }.";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return "The body is not a JSON object: send what useChat sends, { messages: [...] }.";
  }
  const { messages, sessionId } = body as Record<string, unknown>;
  if (sessionId !== undefined && typeof sessionId !== "string") return "sessionId is not a string.";
  if (!Array.isArray(messages) || messages.length === 0) {
    return "messages is not a non-empty array of UI messages (what useChat sends).";
  }
  for (const [i, message] of messages.entries()) {
    const problem = messageProblem(message);
    if (problem) return `messages[${i}]${problem}`;
  }
  return {
    messages: messages as UIMessage[],
    ...(sessionId === undefined ? {} : { sessionId }),
  };
}

/** What is wrong with one UI message (`.role …`), or undefined. */
function messageProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return " is not an object.";
  const { role, parts } = value as Record<string, unknown>;
  if (typeof role !== "string" || !ROLES.has(role)) {
    return ".role is not system, user or assistant.";
  }
  if (!Array.isArray(parts)) return ".parts is not an array.";
  const bad = parts.findIndex(
    (part) => typeof (part as { type?: unknown } | null)?.type !== "string",
  );
  return bad < 0 ? undefined : `.parts[${bad}].type is not a string.`;
}
