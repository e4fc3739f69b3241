import { createSageMaker, type SageMakerContainer } from "@sagefetch/ai";
import { SageMakerRuntimeServiceException } from "@sagefetch/core";
import {
  APICallError,
  convertToModelMessages,
  createUIMessageStream,
  createUIMessageStreamResponse,
  isStepCount,
  type LanguageModel,
  type ModelMessage,
  RetryError,
  streamText,
} from "ai";
import { readChatRequest } from "./chatRequest";
import type { Env } from "./env";
import { getWeather } from "./weatherTool";

const CONTAINERS: readonly SageMakerContainer[] = [
  "tgi",
  "tgi-messages",
  "lmi",
  "lmi-messages",
  "vllm",
  "sglang",
  "openai",
];
/** The families whose body can carry tools (OpenAI's Chat Completions shape). */
const TOOL_CONTAINERS = new Set<SageMakerContainer>([
  "tgi-messages",
  "lmi-messages",
  "vllm",
  "sglang",
  "openai",
]);
const tools = { get_weather: getWeather };

/**
 * `POST /api/chat` for a stock `useChat` page: the conversation goes to `env.CHAT_ENDPOINT`
 * with the Worker's own credentials through `@sagefetch/ai`, and comes back as the AI SDK's UI
 * message stream: text, tool calls and their results, and on failure one `error` chunk with the
 * typed error's name and message. The browser going away cancels the call to SageMaker.
 */
export async function handleChat(request: Request, env: Env): Promise<Response> {
  if (request.method !== "POST") {
    return Response.json(
      { error: { name: "MethodNotAllowed", message: "POST a JSON body." } },
      { status: 405, headers: { allow: "POST, OPTIONS" } },
    );
  }
  const input = await readChatRequest(request);
  if (typeof input === "string") {
    return Response.json({ error: { name: "BadRequest", message: input } }, { status: 400 });
  }
  const onError = (error: unknown) => describeError(error, env);
  const config = readConfig(env);
  if (config instanceof ConfigurationError) {
    // As a stream, so that useChat shows it as it shows any other failure.
    const stream = createUIMessageStream({
      execute() {
        throw config;
      },
      onError,
    });
    return createUIMessageStreamResponse({ stream });
  }
  const offered = TOOL_CONTAINERS.has(config.container) ? tools : undefined;
  let messages: ModelMessage[];
  try {
    messages = await convertToModelMessages(input.messages, { tools: offered });
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const message = `messages cannot be given to the model (${name}).`;
    return Response.json({ error: { name: "BadRequest", message } }, { status: 400 });
  }
  // Aborted when the browser goes away: workerd fires request.signal (`enable_request_signal`),
  // and a cancelled response body says the same.
  const abort = new AbortController();
  request.signal?.addEventListener("abort", () => abort.abort(request.signal.reason), {
    once: true,
  });
  const result = streamText({
    model: config.model,
    messages,
    ...(offered ? { tools: offered, stopWhen: isStepCount(2) } : {}),
    ...(input.sessionId ? { providerOptions: { sagemaker: { sessionId: input.sessionId } } } : {}),
    abortSignal: abort.signal,
    // sagefetch's client already retries what is worth retrying.
    maxRetries: 0,
    // Not the AI SDK's default (it logs every error): `onError` below tells the page, and logs
    // what is untyped.
    onError: () => {},
  });
  return cancelsOnDisconnect(result.toUIMessageStreamResponse({ onError }), abort);
}

/** The model `/api/chat` streams from, or what the Worker's bindings lack. */
function readConfig(
  env: Env,
): { model: LanguageModel; container: SageMakerContainer } | ConfigurationError {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, CHAT_ENDPOINT } = env;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY || !env.AWS_REGION || !CHAT_ENDPOINT) {
    return new ConfigurationError(
      "The Worker needs AWS_REGION, CHAT_ENDPOINT and the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets.",
    );
  }
  const container = (env.CHAT_CONTAINER || "tgi") as SageMakerContainer;
  if (!CONTAINERS.includes(container)) {
    return new ConfigurationError(`CHAT_CONTAINER is not one of ${CONTAINERS.join(", ")}.`);
  }
  const sagemaker = createSageMaker({
    region: env.AWS_REGION,
    credentials: {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
    },
    ...(env.SAGEMAKER_ENDPOINT_URL ? { endpoint: env.SAGEMAKER_ENDPOINT_URL } : {}),
  });
  return { model: sagemaker(CHAT_ENDPOINT, { container }), container };
}

/** The response, whose body aborts `abort` when the browser cancels it. */
function cancelsOnDisconnect(response: Response, abort: AbortController): Response {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        abort.abort(reason);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, headers: response.headers });
}

class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** sagefetch's own errors, whose messages name the call and never a secret. */
const CLIENT_ERRORS = new Set([
  "AbortError",
  "TimeoutError",
  "EndpointError",
  "CredentialsProviderError",
  "EventStreamError",
  "ConfigurationError",
  "SageMakerProviderError",
  // The container's own failure inside the stream, with the message it sent.
  "ChatStreamError",
]);

/**
 * What the browser is told of a failure (the `error` chunk's `errorText`): the typed error's
 * name and message, found under the AI SDK's wrapping. Refused credentials (403) get a fixed
 * message, and the secrets are cut out of any text regardless; anything untyped is logged here
 * and reported as an `InternalError`.
 */
export function describeError(error: unknown, env: Env): string {
  const typed = sagefetchError(error);
  if (!typed) {
    console.error("/api/chat failed:", error);
    return "InternalError: The chat stream failed; see the Worker's logs.";
  }
  const { name, message } = typed;
  if ((typed as SageMakerRuntimeServiceException).$metadata?.httpStatusCode === 403) {
    console.error(`/api/chat: AWS refused the Worker's credentials: ${name}: ${message}`);
    return `${name}: AWS refused the Worker's credentials; see the Worker's logs.`;
  }
  return redact(`${name}: ${message}`, env);
}

/** The sagefetch error in `error`, or behind the AI SDK's `APICallError` or `RetryError`. */
function sagefetchError(error: unknown): Error | undefined {
  const inner = RetryError.isInstance(error) ? error.lastError : error;
  const cause = APICallError.isInstance(inner) ? inner.cause : inner;
  const typed =
    SageMakerRuntimeServiceException.isInstance(cause) ||
    (cause instanceof Error && CLIENT_ERRORS.has(cause.name));
  return typed ? (cause as Error) : undefined;
}

function redact(text: string, env: Env): string {
  let safe = text;
  for (const secret of [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]) {
    if (secret) safe = safe.replaceAll(secret, "[secret]");
  }
  return safe;
}
