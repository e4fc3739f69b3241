/** One turn of a conversation, as chat UIs keep them. */
export interface ChatMessage {
  role: string;
  content: string;
}

/** What `/api/chat` sends the model. */
export interface ChatInput {
  prompt: string;
  /** An open stateful session of the endpoint (`Session.open` in @sagefetch/core). */
  sessionId?: string;
}

const MAX_REQUEST_CHARS = 100_000;

/**
 * The POST body `{ prompt }` or `{ messages: [{ role, content }] }`, with an optional
 * `sessionId`, or a message saying what is wrong with it.
 */
export async function readChatInput(request: Request): Promise<ChatInput | string> {
  const text = await request.text();
  if (text.length > MAX_REQUEST_CHARS) return `The body is over ${MAX_REQUEST_CHARS} characters.`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'The body is not JSON: send {"prompt": "..."} or {"messages": [...]}.';
  }
  if (typeof body !== "object" || body === null) return "The body is not a JSON object.";
  const { prompt, messages, sessionId } = body as Record<string, unknown>;
  if (sessionId !== undefined && typeof sessionId !== "string") return "sessionId is not a string.";
  const session = sessionId === undefined ? {} : { sessionId };
  if (typeof prompt === "string" && prompt.trim() !== "") return { prompt, ...session };
  if (Array.isArray(messages) && messages.length > 0 && messages.every(isMessage)) {
    return { prompt: toPrompt(messages), ...session };
  }
  return 'Send {"prompt": "..."} or {"messages": [{"role": "user", "content": "..."}]}.';
}

function isMessage(value: unknown): value is ChatMessage {
  const { role, content } = (value ?? {}) as Record<string, unknown>;
  return typeof role === "string" && typeof content === "string";
}

/**
 * The conversation as one prompt. This plain transcript suits the demo model; for a real
 * model, use its chat template (or, for TGI's Messages API, send `messages` as they are).
 */
export function toPrompt(messages: readonly ChatMessage[]): string {
  return `${messages.map(({ role, content }) => `${role}: ${content}`).join("\n")}\nassistant:`;
}
