// The AI SDK's own client for an /api/chat (the Worker's, the Edge function's): useChat's
// DefaultChatTransport sends the request and parses the UI message stream, readUIMessageStream
// builds the message from it, as in a page.
import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from "ai";

let ids = 0;

/** A message the user typed, as useChat's `sendMessage({ text })` makes it. */
export function userMessage(text: string): UIMessage {
  return { id: `user-${++ids}`, role: "user", parts: [{ type: "text", text }] };
}

export interface Answer {
  chunks: UIMessageChunk[];
  /** The assistant's message as useChat would hold it at the end. */
  message: UIMessage | undefined;
  /** Its text parts, joined. */
  text: string;
  /** The `error` chunks' texts. */
  errors: string[];
}

/** A client of the `/api/chat` at `api`, reaching it through `fetch`. */
export function useChatClient(api: string, fetch: typeof globalThis.fetch) {
  const transport = new DefaultChatTransport<UIMessage>({ api, fetch });
  const send = (
    messages: UIMessage[],
    options: { body?: object; abortSignal?: AbortSignal } = {},
  ): Promise<ReadableStream<UIMessageChunk>> =>
    transport.sendMessages({
      chatId: "chat-1",
      trigger: "submit-message",
      messageId: undefined,
      messages,
      abortSignal: options.abortSignal,
      ...(options.body ? { body: options.body } : {}),
    });
  return {
    /** The chunks as they come. */
    send,
    /** The whole answer to `messages` (or to one user message of text). */
    async ask(messages: UIMessage[] | string, options: { body?: object } = {}): Promise<Answer> {
      const list = typeof messages === "string" ? [userMessage(messages)] : messages;
      const chunks: UIMessageChunk[] = [];
      const reader = (await send(list, options)).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
      return answerOf(chunks);
    },
  };
}

/** What readUIMessageStream makes of `chunks`. */
export async function answerOf(chunks: UIMessageChunk[]): Promise<Answer> {
  const errors: string[] = [];
  let message: UIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  for await (const snapshot of readUIMessageStream({
    stream,
    onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
  })) {
    message = snapshot;
  }
  for (const chunk of chunks) if (chunk.type === "error") errors.push(chunk.errorText);
  const text = (message?.parts ?? [])
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("");
  return { chunks, message, text, errors: [...new Set(errors)] };
}
