import {
  InvokeEndpointWithResponseStreamCommand,
  readTokens,
  SageMakerRuntimeClient,
  SageMakerRuntimeServiceException,
} from "@sagefetch/core";
import { type ChatInput, readChatInput } from "./chatInput";
import type { Env } from "./env";
import { SSE_HEADERS, type StreamError, sseFromTokens } from "./sse";

/** The generation parameters sent with every prompt (TGI's names). */
const PARAMETERS = { max_new_tokens: 512 };

/**
 * `POST /api/chat`: invokes `env.CHAT_ENDPOINT` with the function's credentials and re-streams
 * the model's tokens as server-sent events (`data: {"token"}`, then `event: done`, or
 * `event: error` with the error's name and message). The browser going away cancels the call.
 */
export async function handleChat(request: Request, env: Env): Promise<Response> {
  if (request.method !== "POST") {
    return Response.json(
      { error: { name: "MethodNotAllowed", message: "POST a JSON body." } },
      { status: 405, headers: { allow: "POST, OPTIONS" } },
    );
  }
  const input = await readChatInput(request);
  if (typeof input === "string") {
    return Response.json({ error: { name: "BadRequest", message: input } }, { status: 400 });
  }
  const abort = new AbortController();
  // The Edge runtime fires request.signal when the client disconnects.
  request.signal?.addEventListener("abort", () => abort.abort(request.signal.reason), {
    once: true,
  });
  const tokens = chatTokens(input, env, abort.signal);
  const body = sseFromTokens(tokens, abort, (error) => describeError(error, env));
  return new Response(body, { headers: SSE_HEADERS });
}

async function* chatTokens(
  input: ChatInput,
  env: Env,
  abortSignal: AbortSignal,
): AsyncGenerator<string, void, undefined> {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, CHAT_ENDPOINT } = env;
  const region = env.SAGEMAKER_REGION || env.AWS_REGION;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY || !region || !CHAT_ENDPOINT) {
    throw new ConfigurationError(
      "The function needs SAGEMAKER_REGION, CHAT_ENDPOINT, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
    );
  }
  const client = new SageMakerRuntimeClient({
    region,
    credentials: {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
    },
    ...(env.SAGEMAKER_ENDPOINT_URL ? { endpoint: env.SAGEMAKER_ENDPOINT_URL } : {}),
  });
  const { Body } = await client.send(
    new InvokeEndpointWithResponseStreamCommand({
      EndpointName: CHAT_ENDPOINT,
      Body: JSON.stringify({ inputs: input.prompt, parameters: PARAMETERS, stream: true }),
      ContentType: "application/json",
      SessionId: input.sessionId,
    }),
    { abortSignal },
  );
  // Returning early (the browser went away) breaks this loop, which cancels the request.
  yield* readTokens(Body);
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
]);

/**
 * What the browser is told of a failure: the typed error's name and message. Refused
 * credentials (403) get a fixed message, and the secrets are cut out of any text regardless;
 * anything untyped is logged here and reported as an `InternalError`.
 */
export function describeError(error: unknown, env: Env): StreamError {
  const typed =
    SageMakerRuntimeServiceException.isInstance(error) ||
    (error instanceof Error && CLIENT_ERRORS.has(error.name));
  if (!typed) {
    console.error("/api/chat failed:", error);
    return { name: "InternalError", message: "The chat stream failed; see the function's logs." };
  }
  const { name, message } = error as Error;
  if ((error as SageMakerRuntimeServiceException).$metadata?.httpStatusCode === 403) {
    console.error(`/api/chat: AWS refused the function's credentials: ${name}: ${message}`);
    return { name, message: "AWS refused the function's credentials; see the function's logs." };
  }
  return { name, message: redact(message, env) };
}

function redact(text: string, env: Env): string {
  let safe = text;
  for (const secret of [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]) {
    if (secret) safe = safe.replaceAll(secret, "[secret]");
  }
  return safe;
}
