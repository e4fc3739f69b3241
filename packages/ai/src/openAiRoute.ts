import { APICallError } from "@ai-sdk/provider";
import { type OpenAiClientSettings, readChatEvents } from "@sagefetch/core";
import type { RouteCall } from "./nativeRoute";
import type { SageMakerModelSettings } from "./settings";

/** The route's settings for one endpoint or inference component, made once and kept. */
export type OpenAiRouteSettings = (target: {
  endpointName: string;
  inferenceComponentName?: string;
}) => OpenAiClientSettings;

/**
 * The OpenAI-compatible route: a Chat Completions request with a bearer token made from the
 * credentials (core's `openAiRouteOptions`), its SSE read as core's chat events. The route
 * answers in OpenAI's shapes, so a refusal is read as OpenAI's `{"error": {...}}`.
 */
export async function callOpenAiRoute(
  routeSettings: OpenAiRouteSettings,
  endpointName: string,
  settings: SageMakerModelSettings,
  body: Record<string, unknown>,
  abortSignal: AbortSignal | undefined,
): Promise<RouteCall> {
  const route = routeSettings({
    endpointName,
    ...(settings.inferenceComponent ? { inferenceComponentName: settings.inferenceComponent } : {}),
  });
  const url = `${route.baseURL}/chat/completions`;
  const response = await route.fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
    ...(abortSignal ? { signal: abortSignal } : {}),
  });
  const headers = Object.fromEntries(response.headers);
  if (!response.ok || !response.body) {
    const text = await response.text();
    throw new APICallError({
      message: `The OpenAI route answered ${response.status}: ${errorMessage(text)}`,
      url,
      requestBodyValues: {},
      statusCode: response.status,
      responseHeaders: headers,
      responseBody: text,
      isRetryable: response.status === 429 || response.status >= 500,
    });
  }
  const requestId = response.headers.get("x-amzn-requestid");
  return {
    url,
    headers,
    events: readChatEvents(response.body, { format: settings.format ?? "sse-chat" }),
    metadata: () => (requestId ? { requestId } : {}),
  };
}

/** OpenAI's error body's message, or the start of whatever else came back. */
function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown }; message?: unknown };
    const message = parsed.error?.message ?? parsed.message;
    if (typeof message === "string") return message;
  } catch {}
  return text.slice(0, 200) || "(no body)";
}
