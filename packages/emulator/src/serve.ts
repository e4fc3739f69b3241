import type { IncomingMessage, ServerResponse } from "node:http";
import type { SageMakerMock } from "@sagefetch/msw";
import { getResponse } from "msw";
import { ADMIN_PREFIX, type AdminTarget, answerAdmin } from "./admin";
import type { ControlGuard } from "./controlGuard";
import { corsHeaders, preflightHeaders } from "./cors";
import { LIMITS } from "./limits";
import { endpointOf, formatLogLine } from "./log";
import { readRequestBody, toWebRequest, writeAnswer } from "./nodeBridge";

/** What every request is served with, fixed once the server listens. */
export interface ServeContext {
  mock: SageMakerMock;
  /** Cognito's handlers first (SageMaker's match any path of the origin), then SageMaker's. */
  handlers: SageMakerMock["handlers"];
  /** Path prefixes that answer CORS whatever `cors` says (Cognito Identity and STS). */
  corsPaths: readonly string[];
  cors: boolean;
  latencyMs: number;
  admin: AdminTarget | undefined;
  guard: ControlGuard;
  /** Keeps `mock.requests` within its limits; called as each request ends. */
  boundLog(requests: SageMakerMock["requests"]): void;
  log: ((line: string) => void) | undefined;
}

const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/**
 * Answers one request: the control API, CORS preflights, `/ping`, or the mocks. Every request
 * ends in an answer or in one log line that says why there was none.
 */
export async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  context: ServeContext,
): Promise<void> {
  const started = performance.now();
  const method = request.method ?? "GET";
  const target = request.url ?? "/";
  const path = pathOf(target);
  let status = 0;
  let note: string | undefined;
  response.once("close", () => {
    context.boundLog(context.mock.requests);
    if (!response.writableFinished) note ??= "the client went away before the end";
    context.log?.(
      formatLogLine({
        method,
        path,
        status,
        ms: performance.now() - started,
        endpoint: endpointOf(path),
        ...(note === undefined ? {} : { note }),
      }),
    );
  });
  const json = (code: number, body: unknown, headers?: Record<string, string>) => {
    status = code;
    const text = body === undefined ? undefined : JSON.stringify(body);
    response
      .writeHead(
        code,
        text === undefined ? headers : { "content-type": "application/json", ...headers },
      )
      .end(text);
  };
  const admin = context.admin !== undefined && path.startsWith(ADMIN_PREFIX);
  const origin = headerValue(request.headers.origin);
  // Cognito Identity and STS answer CORS, SageMaker Runtime does not (unless `cors`), and the
  // control API never does.
  const cors =
    !admin && (context.cors || context.corsPaths.some((prefix) => isUnder(path, prefix)));
  const extra = cors ? corsHeaders(origin) : undefined;
  try {
    if (context.latencyMs > 0) await sleep(context.latencyMs);
    if (admin && context.admin !== undefined) {
      const refusal = context.guard(method, request.headers);
      if (refusal !== undefined) return json(refusal.status, { message: refusal.message });
      const body = await readRequestBody(request, LIMITS.controlBodyBytes);
      if (body === undefined) {
        return json(413, {
          message: `control API bodies are ${LIMITS.controlBodyBytes} bytes at most`,
        });
      }
      const answer = answerAdmin(method, path, body, context.admin);
      return json(answer.status, answer.body);
    }
    if (cors && method === "OPTIONS" && request.headers["access-control-request-method"]) {
      status = 204;
      const requested = headerValue(request.headers["access-control-request-headers"]);
      response.writeHead(status, preflightHeaders(origin, requested)).end();
      return;
    }
    if ((method === "GET" || method === "HEAD") && path === "/ping") {
      status = 200;
      response.writeHead(status, { "content-length": "0", ...extra }).end();
      return;
    }
    const body = await readRequestBody(request, MAX_REQUEST_BYTES);
    if (body === undefined) {
      return json(
        413,
        { message: `Request bodies are ${MAX_REQUEST_BYTES} bytes at most.` },
        extra,
      );
    }
    const webRequest = toWebRequest(request, method, target, body);
    if (webRequest === undefined) return json(400, { message: "Malformed request." }, extra);
    const answer = await getResponse(context.handlers, webRequest);
    if (answer === undefined) {
      const host = request.headers.host ?? "(none)";
      return json(404, { message: `No SageMaker Runtime operation for host ${host}.` }, extra);
    }
    if (answer.type === "error") {
      // The mock's network error: a drop fault, or a request a reset cut short.
      note = "dropped: the mock answered a network error, a drop fault or a reset";
      response.destroy();
      return;
    }
    status = answer.status;
    await writeAnswer(answer, response, extra);
  } catch (error) {
    const reason = errorName(error);
    if (response.headersSent || response.destroyed) {
      // A body that failed mid-way (a cut stream fault, a model's stream error) or a client
      // that went away: what was sent stays sent, and the connection is cut.
      note ??= `cut mid-answer: ${reason}`;
      response.destroy();
      return;
    }
    note = `failed: ${reason}`;
    // As the service answers a failure of its own: 500 InternalFailure, in its restJson1 shape.
    json(
      500,
      { Message: "The emulator failed to answer this request; its log says why." },
      {
        "x-amzn-errortype":
          "InternalFailure:http://internal.amazon.com/coral/com.amazon.coral.service/",
        "x-amzn-requestid": crypto.randomUUID(),
        date: new Date().toUTCString(),
        ...extra,
      },
    );
  }
}

/** An error's name, which says what failed without repeating anything a request carried. */
function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return /^[\w$.-]{1,60}$/.test(name) ? name : "an error";
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function pathOf(target: string): string {
  // Absolute-form targets (proxies) carry the origin; the query string is never logged.
  const withoutOrigin = target.startsWith("/") ? target : target.replace(/^[a-z]+:\/\/[^/]*/i, "");
  const path = withoutOrigin.split("?")[0] ?? "";
  return path === "" ? "/" : path;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
