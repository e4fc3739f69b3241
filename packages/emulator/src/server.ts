import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type {
  CognitoIdentityHandlersOptions,
  CognitoIdentityMock,
  CredentialStore,
  EndpointDefinition,
  LatencyRange,
  MockCredentials,
  SageMakerMock,
  StreamOptions,
} from "@sagefetch/msw";
import { cognitoIdentityHandlers, demoEndpoints, sageMakerHandlers } from "@sagefetch/msw";
import { getResponse } from "msw";
import { ADMIN_PREFIX, type AdminTarget, answerAdmin } from "./admin";
import { corsHeaders, preflightHeaders } from "./cors";
import { applyFaultSpec } from "./faultSpec";
import { endpointOf, formatLogLine } from "./log";
import { readRequestBody, toWebRequest, writeAnswer } from "./nodeBridge";

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
   * SageMaker Runtime answer, for browser clients. Default: false, as the service itself.
   */
  cors?: boolean;
  /** Wait this long before answering every request, `/ping` included. Default: 0. */
  latencyMs?: number;
  /**
   * Latency of every SageMaker Runtime request: fixed ms, or `{ min, max }` drawn per request
   * from the seeded PRNG. `mock.reset()` clears it. Default: none.
   */
  latency?: number | LatencyRange;
  /** Faults queued at start, e.g. `["throttle:2", "status:503,500", "cut-stream:3"]`. */
  faults?: readonly string[];
  /** The server clock's distance from the real one, in ms (e.g. `15 * 60_000`). Default: 0. */
  clockSkewMs?: number;
  /** Seed of the PRNG behind variants and latency ranges. Default: a fixed seed. */
  seed?: number;
  /** Check SigV4 signatures. Default: true. */
  verifySignatures?: boolean;
  /** Refuse signatures scoped to another region. Default: any region. */
  region?: string;
  /** Chunking and pacing of streamed answers. */
  stream?: StreamOptions;
  /**
   * Serve Amazon Cognito Identity at `cognitoUrl` and STS at `stsUrl` too, issuing credentials
   * the SageMaker side accepts until they expire. These answer CORS always, as the services do.
   */
  cognito?: Omit<CognitoIdentityHandlersOptions, "issueTo" | "hosts" | "stsHosts" | "now">;
  /**
   * Requests kept in `mock.requests`, the oldest dropped first, so that a long-running emulator
   * under load does not grow without end. Default: 10,000.
   */
  maxRequestLog?: number;
  /** Serve the `/_emulator/` control API (faults, clock, reset, requests). Default: true. */
  admin?: boolean;
  /** Called with one line per request: method, path, status, ms, endpoint. Default: none. */
  log?: (line: string) => void;
}

export interface Emulator {
  /** The base URL to give a client as its `endpoint`, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** The SageMaker mock behind the server: its request log, fault queue, stream settings… */
  mock: SageMakerMock;
  /** The Cognito Identity and STS mock, when `cognito` was given. */
  cognito: CognitoIdentityMock | undefined;
  /** Cognito Identity's endpoint (`fromCognitoIdentityPool({ endpoint })`), with `cognito`. */
  cognitoUrl: string | undefined;
  /** STS's endpoint, with `cognito`. */
  stsUrl: string | undefined;
  /** Moves the server clock (SageMaker and Cognito alike) this far from the real one. */
  setClockSkew(ms: number): void;
  /** Stops accepting connections, ends idle ones, and resolves once the server is closed. */
  close(): Promise<void>;
}

/** Grace period for in-flight answers (streams) when closing, before their sockets are cut. */
const CLOSE_GRACE_MS = 2_000;
const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_REQUEST_LOG = 10_000;
const COGNITO_PATH = "/cognito-identity";
const STS_PATH = "/sts";

interface Served {
  mock: SageMakerMock;
  /** Cognito's handlers first (SageMaker's match any path of the origin), then SageMaker's. */
  handlers: SageMakerMock["handlers"];
  cognito: CognitoIdentityMock | undefined;
  admin: AdminTarget | undefined;
}

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
  let skewMs = checkedSkew(options.clockSkewMs ?? 0);
  let served: Served | undefined;
  const server = createServer((request, response) => {
    if (served === undefined) {
      response.writeHead(503).end();
      return;
    }
    void serve(request, response, served, options, latencyMs);
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
  const origins = [
    ...new Set([
      url,
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://[::1]:${port}`,
    ]),
  ];
  const now = () => Date.now() + skewMs;
  const mock = sageMakerHandlers({
    endpoints: options.endpoints ?? demoEndpoints,
    credentials: options.credentials,
    hosts: origins,
    now,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.verifySignatures === undefined
      ? {}
      : { verifySignatures: options.verifySignatures }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.stream === undefined ? {} : { stream: options.stream }),
  });
  if (options.latency !== undefined) mock.faults.setLatency(options.latency);
  for (const spec of options.faults ?? []) applyFaultSpec(mock.faults, spec);
  const cognito =
    options.cognito === undefined
      ? undefined
      : cognitoIdentityHandlers({
          ...options.cognito,
          issueTo: mock,
          now,
          hosts: origins.map((origin) => origin + COGNITO_PATH),
          stsHosts: origins.map((origin) => origin + STS_PATH),
        });
  const setClockSkew = (ms: number) => {
    skewMs = checkedSkew(ms);
  };
  served = {
    mock,
    handlers: cognito ? [...cognito.handlers, ...mock.handlers] : mock.handlers,
    cognito,
    admin: options.admin === false ? undefined : { mock, cognito, setClockSkew },
  };
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    mock,
    cognito,
    cognitoUrl: cognito === undefined ? undefined : url + COGNITO_PATH,
    stsUrl: cognito === undefined ? undefined : url + STS_PATH,
    setClockSkew,
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

function checkedSkew(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError("clockSkewMs must be a finite number of ms");
  return ms;
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
  served: Served,
  options: EmulatorOptions,
  latencyMs: number,
): Promise<void> {
  const started = performance.now();
  const method = request.method ?? "GET";
  const target = request.url ?? "/";
  const path = pathOf(target);
  let status = 0;
  response.once("close", () => {
    const excess = served.mock.requests.length - (options.maxRequestLog ?? DEFAULT_MAX_REQUEST_LOG);
    if (excess > 0) served.mock.requests.splice(0, excess);
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
    // Cognito Identity and STS answer CORS, SageMaker Runtime does not (unless `cors`).
    const cors =
      options.cors === true ||
      (served.cognito !== undefined && (isUnder(path, COGNITO_PATH) || isUnder(path, STS_PATH)));
    if (cors && method === "OPTIONS" && request.headers["access-control-request-method"]) {
      status = 204;
      const requested = headerValue(request.headers["access-control-request-headers"]);
      response.writeHead(status, preflightHeaders(origin, requested)).end();
      return;
    }
    const extra = cors ? corsHeaders(origin) : undefined;
    if ((method === "GET" || method === "HEAD") && path === "/ping") {
      status = 200;
      response.writeHead(status, { "content-length": "0", ...extra }).end();
      return;
    }
    const body = await readRequestBody(request, MAX_REQUEST_BYTES);
    if (body === undefined) {
      status = 413;
      response.writeHead(status, { "content-type": "text/plain", ...extra }).end();
      return;
    }
    if (served.admin !== undefined && path.startsWith(ADMIN_PREFIX)) {
      const answer = answerAdmin(method, path, body, served.admin);
      status = answer.status;
      const json = answer.body === undefined ? undefined : JSON.stringify(answer.body);
      response
        .writeHead(status, json === undefined ? {} : { "content-type": "application/json" })
        .end(json);
      return;
    }
    const webRequest = toWebRequest(request, method, target, body);
    const answer = webRequest && (await getResponse(served.handlers, webRequest));
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
