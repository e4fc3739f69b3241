import type { ModelFn, ModelOutput, ModelRequest } from "@sagefetch/msw";
import { ModelContainerError } from "@sagefetch/msw";

export interface ContainerModelOptions {
  /** The fetch to reach the container with. Default: `globalThis.fetch`, looked up per call. */
  fetch?: typeof fetch;
  /**
   * How long the container may take to start answering, in ms (SageMaker allows 60 s).
   * @default 60000
   */
  timeoutMs?: number;
}

/** The largest container error text passed on as `OriginalMessage`. */
const MAX_ERROR_TEXT = 4096;

/**
 * A model that forwards to a real model container following the SageMaker container contract:
 * `POST {url}/invocations` with the body, `Content-Type`, `Accept` and every
 * `X-Amzn-SageMaker-*` header as the endpoint received them; the container's answer comes back
 * with its content type, custom attributes and session headers, streamed part by part for
 * InvokeEndpointWithResponseStream. A container error becomes 424 ModelError with its status
 * and text, as SageMaker relays it.
 *
 * @example
 * sageMakerHandlers({ endpoints: { llm: containerModel("http://127.0.0.1:8081") } })
 */
export function containerModel(url: string | URL, options: ContainerModelOptions = {}): ModelFn {
  const invocations = new URL("invocations", withSlash(url));
  const timeoutMs = options.timeoutMs ?? 60_000;
  return async (request) => {
    const fetchFn = options.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await fetchFn(invocations, {
        method: "POST",
        headers: containerHeaders(request),
        body: request.body.byteLength > 0 ? (request.body as Uint8Array<ArrayBuffer>) : undefined,
        signal: controller.signal,
      });
    } catch (error) {
      const reason = controller.signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
      // SageMaker answers a container it cannot reach as the container's failure: 424.
      throw new ModelContainerError(502, `model container ${invocations.origin}: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => "");
      throw new ModelContainerError(response.status, text.slice(0, MAX_ERROR_TEXT));
    }
    return containerOutput(response);
  };
}

/**
 * Whether the container answers `GET {url}/ping` with 200 (SageMaker's health check).
 * @returns undefined when healthy, else why not.
 */
export async function pingContainer(
  url: string | URL,
  fetchFn: typeof fetch = globalThis.fetch,
  timeoutMs = 2_000,
): Promise<string | undefined> {
  try {
    const response = await fetchFn(new URL("ping", withSlash(url)), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status === 200 ? undefined : `GET /ping answered ${response.status}`;
  } catch (error) {
    return `GET /ping failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function containerHeaders(request: ModelRequest): Headers {
  const headers = new Headers();
  if (request.contentType !== undefined) headers.set("content-type", request.contentType);
  if (request.accept !== undefined) headers.set("accept", request.accept);
  for (const [name, value] of Object.entries(request.headers)) {
    // X-Amzn-SageMaker-Accept is the stream operation's Accept, sent above as `accept`.
    if (name.startsWith("x-amzn-sagemaker-") && name !== "x-amzn-sagemaker-accept") {
      headers.set(name, value);
    }
  }
  return headers;
}

/** Streamed part by part for InvokeEndpointWithResponseStream; the mock joins it for the others. */
function containerOutput(response: Response): ModelOutput {
  const header = (name: string) => response.headers.get(name) ?? undefined;
  return {
    contentType: header("content-type"),
    customAttributes: header("x-amzn-sagemaker-custom-attributes"),
    newSessionId: header("x-amzn-sagemaker-new-session-id"),
    closedSessionId: header("x-amzn-sagemaker-closed-session-id"),
    stream: chunksOf(response.body),
  };
}

/** The container's body as it arrives; stopping early (a client gone) cancels it. */
async function* chunksOf(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (body === null) return;
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      if (next.value.byteLength > 0) yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}

function withSlash(url: string | URL): string {
  const text = String(url);
  return text.endsWith("/") ? text : `${text}/`;
}
