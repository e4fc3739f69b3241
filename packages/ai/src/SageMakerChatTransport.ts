import type { LanguageModelV4 } from "@ai-sdk/provider";
import {
  type ChatTransport,
  convertToModelMessages,
  type StopCondition,
  streamText,
  type ToolSet,
  type UIMessage,
  type UIMessageChunk,
  type UIMessageStreamOptions,
} from "ai";

export interface SageMakerChatTransportOptions<UI_MESSAGE extends UIMessage = UIMessage> {
  /** The model: `sagemaker("my-llm", { container: "vllm" })` from a provider made in the page. */
  model: LanguageModelV4;
  /** Instructions put before the conversation. */
  system?: string;
  /** Tools the model may call; those with `execute` run in the page. */
  tools?: ToolSet;
  /** When to stop calling tools and answering (`isStepCount(3)`, …). @default one step */
  stopWhen?: StopCondition<ToolSet> | StopCondition<ToolSet>[];
  maxOutputTokens?: number;
  temperature?: number;
  /**
   * How many times the AI SDK tries a failed call again. The SageMaker client retries on its
   * own first (its `maxAttempts`), so each of these is a whole round of the client's attempts.
   * @default 2 (the AI SDK's)
   */
  maxRetries?: number;
  /**
   * Keep one stateful session per chat id: the first message opens it (`sessionId: "new"`),
   * the next ones continue it, so a container that keeps state per session sees one chat.
   * @default false
   */
  statefulSessions?: boolean;
  /** What the page shows for a failed call; the error's own message by default. */
  errorMessage?: (error: unknown) => string;
  /**
   * Told of every failed call (to log or report it). `useChat` gets the failure as its `error`
   * either way; without this the transport prints nothing (the AI SDK's default would write
   * the whole error to the console).
   */
  onError?: (error: unknown) => void;
  /**
   * The answer's metadata (`message.metadata` in `useChat`), from the parts of the model's
   * stream as they come: usage from `finish`, the time to the first token, … What each call
   * returns is merged into the metadata so far.
   * @example
   * messageMetadata: ({ part }) => (part.type === "finish" ? { usage: part.totalUsage } : undefined)
   */
  messageMetadata?: UIMessageStreamOptions<UI_MESSAGE>["messageMetadata"];
}

/**
 * A `ChatTransport` for `useChat` that calls the SageMaker endpoint from the page itself, with the
 * user's own credentials (Cognito) through `@sagefetch/relay`: no route handler of the app's own.
 * Stop aborts the call; regenerate sends the conversation again without the last answer (which
 * `useChat` has already removed); tool calls come as tool parts.
 * @example
 * const transport = new SageMakerChatTransport({ model: sagemaker("my-llm", { container: "vllm" }) });
 * const { messages, sendMessage, stop } = useChat({ transport });
 */
export class SageMakerChatTransport<UI_MESSAGE extends UIMessage = UIMessage>
  implements ChatTransport<UI_MESSAGE>
{
  private readonly sessions = new Map<string, string>();

  constructor(private readonly options: SageMakerChatTransportOptions<UI_MESSAGE>) {}

  async sendMessages({
    chatId,
    messages,
    abortSignal,
  }: Parameters<ChatTransport<UI_MESSAGE>["sendMessages"]>[0]): Promise<
    ReadableStream<UIMessageChunk>
  > {
    const { model, system, tools, stopWhen, maxOutputTokens, temperature, maxRetries } =
      this.options;
    const { statefulSessions } = this.options;
    const sessionId = statefulSessions ? (this.sessions.get(chatId) ?? "new") : undefined;
    const result = streamText({
      model,
      messages: await convertToModelMessages(messages, tools ? { tools } : {}),
      ...(system ? { system } : {}),
      ...(tools ? { tools } : {}),
      ...(stopWhen ? { stopWhen } : {}),
      ...(maxOutputTokens ? { maxOutputTokens } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxRetries !== undefined ? { maxRetries } : {}),
      ...(abortSignal ? { abortSignal } : {}),
      ...(sessionId ? { providerOptions: { sagemaker: { sessionId } } } : {}),
      onError: ({ error }) => this.options.onError?.(error),
      onFinish: ({ providerMetadata }) => {
        const opened = providerMetadata?.sagemaker?.newSessionId;
        if (statefulSessions && typeof opened === "string") this.sessions.set(chatId, opened);
      },
    });
    const { messageMetadata } = this.options;
    return result.toUIMessageStream<UI_MESSAGE>({
      originalMessages: messages,
      onError: this.options.errorMessage ?? errorText,
      ...(messageMetadata ? { messageMetadata } : {}),
    });
  }

  /**
   * A stream that runs in the page ends with the page: there is nothing on a server to resume,
   * so there is never a stream to reconnect to.
   */
  async reconnectToStream(): Promise<ReadableStream<UIMessageChunk> | null> {
    return null;
  }

  /** Forgets a chat's stateful session (the container closes it when it expires). */
  forgetSession(chatId: string): void {
    this.sessions.delete(chatId);
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const root = cause instanceof Error ? cause : error;
    return `${root.name}: ${root.message}`;
  }
  return String(error);
}
