/// <reference path="./node-builtins.d.ts" />
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { getResponse } from "msw";
import type { CredentialStore } from "../credentials/credential-store";
import { demoEndpoints } from "../demo/index";
import type { EndpointDefinition } from "../handlers/model-types";
import { sageMakerHandlers } from "../handlers/sagemaker-handlers";
import type { MockCredentials, SageMakerMock } from "../handlers/types";
import { corsHeaders, preflightHeaders } from "./cors";
import { endpointOf, formatLogLine } from "./log";

export interface EmulatorOptions {
  /** Default: 8080. `0` picks a free port (read it from `url`). */
  port?: number;
  /** Default: `127.0.0.1` (loopback only). */
  host?: string;
  /** Default: `demoEndpoints` (echo, sentiment, chat, tabular, flaky, slow). */
  endpoints?: Readonly<Record<string, EndpointDefinition>>;
  /** Who may sign. Default: `[demoCredentials]` (AKIDEXAMPLE). */
  credentials?: readonly MockCredentials[] | CredentialStore;
  /**
   * Answer CORS preflights and add `Access-Control-Allow-Origin` / `-Expose-Headers` to every
   * answer, for browser clients. Default: false, as the service itself.
   */
  cors?: boolean;
  /** Wait this long before answering every request. Default: 0. */
  latencyMs?: number;
  /** Called with one line per request: method, path, status, ms, endpoint. Default: none. */
  log?: (line: string) => void;
}

export interface Emulator {
  /** The base URL to give a client as its `endpoint`, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** The SageMaker mock behind the server: its request log, fault queue, stream settings… */
  mock: SageMakerMock;
  /** Stops accepting connections, ends idle ones, and resolves once the server is closed. */
  close(): Promise<void>;
}

/** Grace period for in-flight answers (streams) when closing, before their sockets are cut. */
const CLOSE_GRACE_MS = 2_000;
const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/**
 * Serves the SageMaker Runtime mock over real HTTP, for clients MSW cannot intercept (other
 * processes, the AWS CLI, other languages' SDKs). Answers stream as the mock produces them.
 *
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * const client = new SageMakerRuntimeClient({ endpoint: emulator.url, region: "us-east-1", credentials: demoCredentials });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const latencyMs = options.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) {
    throw new RangeError("latencyMs must be a non-negative number");
  }
  let mock: SageMakerMock | undefined;
  const server = createServer((request, response) => {
    if (mock === undefined) {
      response.writeHead(503).end();
      return;
    }
    void serve(request, response, mock, options, latencyMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const url = `http://${urlHost(host)}:${port}`;
  // Clients sign for the host they call: accept the usual spellings of loopback too.
  const hosts = [
    ...new Set([
      url,
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://[::1]:${port}`,
    ]),
  ];
  mock = sageMakerHandlers({
    endpoints: options.endpoints ?? demoEndpoints,
    credentials: options.credentials,
    hosts,
  });
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    mock,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close((error) => {
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** The host as it goes in a URL: wildcard binds are reached on loopback, IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  mock: SageMakerMock,
  options: EmulatorOptions,
  latencyMs: number,
): Promise<void> {
  const started = performance.now();
  const method = request.method ?? "GET";
  const target = request.url ?? "/";
  const path = pathOf(target);
  let status = 0;
  response.once("close", () => {
    options.log?.(
      formatLogLine({
        method,
        path,
        status,
        ms: performance.now() - started,
        endpoint: endpointOf(path),
      }),
    );
  });
  try {
    if (latencyMs > 0) await sleep(latencyMs);
    const origin = headerValue(request.headers.origin);
    if (options.cors && method === "OPTIONS" && request.headers["access-control-request-method"]) {
      status = 204;
      const requested = headerValue(request.headers["access-control-request-headers"]);
      response.writeHead(status, preflightHeaders(origin, requested)).end();
      return;
    }
    const extra = options.cors ? corsHeaders(origin) : undefined;
    if ((method === "GET" || method === "HEAD") && path === "/ping") {
      status = 200;
      response.writeHead(status, { "content-length": "0", ...extra }).end();
      return;
    }
    const body = await readRequestBody(request);
    if (body === undefined) {
      status = 413;
      response.writeHead(status, { "content-type": "text/plain", ...extra }).end();
      return;
    }
    const webRequest = toWebRequest(request, method, target, body);
    const answer = webRequest && (await getResponse(mock.handlers, webRequest));
    if (answer === undefined) {
      status = webRequest === undefined ? 400 : 404;
      const message =
        webRequest === undefined
          ? "Malformed request."
          : `No SageMaker Runtime operation for host ${request.headers.host ?? "(none)"}.`;
      response
        .writeHead(status, { "content-type": "application/json", ...extra })
        .end(JSON.stringify({ message }));
      return;
    }
    if (answer.type === "error") {
      // The mock's network error (a `drop()` fault): a connection closed without an answer.
      response.destroy();
      return;
    }
    status = answer.status;
    await writeAnswer(answer, response, extra);
  } catch {
    // A body that failed mid-stream (a cut stream fault) or a client that went away.
    response.destroy();
  }
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

async function readRequestBody(
  request: IncomingMessage,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += chunk.byteLength;
    if (length > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The node request as a web Request: the URL is built from the Host header the client signed. */
function toWebRequest(
  request: IncomingMessage,
  method: string,
  target: string,
  body: Uint8Array<ArrayBuffer>,
): Request | undefined {
  try {
    const headers = new Headers();
    const raw = request.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? "", raw[i + 1] ?? "");
    const url = target.startsWith("/")
      ? new URL(target, `http://${headers.get("host") ?? "localhost"}`)
      : new URL(target);
    const hasBody = method !== "GET" && method !== "HEAD";
    return new Request(url, {
      method,
      headers,
      body: hasBody ? body : undefined,
    });
  } catch {
    return undefined;
  }
}

/** Writes the answer as its body arrives, so event streams reach the client part by part. */
async function writeAnswer(
  answer: Response,
  response: ServerResponse,
  extra: Record<string, string> | undefined,
): Promise<void> {
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (extra !== undefined) {
    Object.assign(headers, extra);
    headers["access-control-expose-headers"] = exposedHeaders(answer.headers);
  }
  response.writeHead(answer.status, headers);
  if (answer.body === null) {
    response.end();
    return;
  }
  if (!answer.headers.has("content-length")) response.flushHeaders();
  const reader = answer.body.getReader();
  const onClose = () => {
    if (!response.writableFinished) reader.cancel().catch(() => {});
  };
  response.once("close", onClose);
  for (;;) {
    const { done, value } = await reader.read();
    if (done || response.destroyed) break;
    if (!response.write(value) && !response.destroyed) await drained(response);
  }
  response.off("close", onClose);
  response.end();
}

/** Every header name the answer carries besides the CORS-safelisted ones (x-amzn-*, Date…). */
function exposedHeaders(headers: Headers): string {
  const safelisted = new Set([
    "cache-control",
    "content-language",
    "content-length",
    "content-type",
    "expires",
    "last-modified",
    "pragma",
  ]);
  const names = new Set(["date", "x-amzn-requestid", "x-amzn-errortype"]);
  headers.forEach((_, name) => {
    if (!safelisted.has(name)) names.add(name);
  });
  return [...names].join(", ");
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.once("drain", done);
    response.once("close", done);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
