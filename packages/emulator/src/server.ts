import { createServer } from "node:http";
import { cognitoIdentityHandlers, demoEndpoints, sageMakerHandlers } from "@sagefetch/msw";
import { controlGuard } from "./controlGuard";
import { applyFaultSpecs, parseFaultSpec } from "./faultSpec";
import { inRange, LIMITS } from "./limits";
import type { Emulator, EmulatorOptions } from "./options";
import { requestLogBounds } from "./requestLog";
import { type ServeContext, serve } from "./serve";

export type { Emulator, EmulatorOptions } from "./options";

/** Grace period for in-flight answers (streams) when closing, before their sockets are cut. */
const CLOSE_GRACE_MS = 2_000;
const COGNITO_PATH = "/cognito-identity";
const STS_PATH = "/sts";

/**
 * Serves the SageMaker Runtime mock over real HTTP, for clients MSW cannot intercept (other
 * processes, the AWS CLI, other languages' SDKs). Answers stream as the mock produces them.
 *
 * @throws RangeError naming the option that is out of its limits, FaultSpecError for a bad fault.
 * @example
 * const emulator = await startEmulator({ port: 0 });
 * const client = new SageMakerRuntimeClient({ endpoint: emulator.url, region: "us-east-1", credentials: demoCredentials });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const latencyMs = inRange(options.latencyMs ?? 0, "latencyMs", 0, LIMITS.delayMs);
  const initialSkew = checkedSkew(options.clockSkewMs ?? 0);
  checkLatency(options.latency);
  const seed =
    options.seed === undefined ? undefined : inRange(options.seed, "seed", 0, LIMITS.seed, true);
  const boundLog = requestLogBounds({
    maxEntries: count(options.maxRequestLog, 10_000, "maxRequestLog", LIMITS.requestLogEntries),
    maxBodyBytes: count(
      options.maxLoggedBodyBytes,
      65_536,
      "maxLoggedBodyBytes",
      LIMITS.requestLogBytes,
    ),
    maxTotalBytes: count(
      options.maxRequestLogBytes,
      33_554_432,
      "maxRequestLogBytes",
      LIMITS.requestLogBytes,
    ),
  });
  for (const spec of options.faults ?? []) parseFaultSpec(spec);
  const listenPort = inRange(options.port ?? 8080, "port", 0, 65_535, true);
  let skewMs = initialSkew;
  let context: ServeContext | undefined;
  const server = createServer((request, response) => {
    if (context === undefined) {
      response.writeHead(503).end();
      return;
    }
    void serve(request, response, context);
  });
  // A request Node cannot parse never reaches `serve`: answer it and say so, rather than
  // leaving the client a closed connection and the log nothing.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    const code = typeof error.code === "string" ? error.code : "an error";
    if (code !== "ECONNRESET") options.log?.(`- - 400 0ms - (malformed request: ${code})`);
    if (socket.writable && code !== "ECONNRESET") {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    } else {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, host, () => {
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
    ...(seed === undefined ? {} : { seed }),
    ...(options.verifySignatures === undefined
      ? {}
      : { verifySignatures: options.verifySignatures }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.stream === undefined ? {} : { stream: options.stream }),
  });
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
  const reset = () => {
    mock.reset();
    cognito?.reset();
    skewMs = initialSkew;
    if (options.latency !== undefined) mock.faults.setLatency(options.latency);
  };
  try {
    if (options.latency !== undefined) mock.faults.setLatency(options.latency);
    applyFaultSpecs(mock.faults, options.faults ?? []);
  } catch (error) {
    server.close();
    throw error;
  }
  context = {
    mock,
    handlers: cognito ? [...cognito.handlers, ...mock.handlers] : mock.handlers,
    corsPaths: cognito ? [COGNITO_PATH, STS_PATH] : [],
    cors: options.cors === true,
    latencyMs,
    admin: options.admin === false ? undefined : { mock, setClockSkew, reset },
    guard: controlGuard({ boundHost: host, token: options.controlToken }),
    boundLog,
    log: options.log,
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
    reset,
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
  return inRange(ms, "clockSkewMs", -LIMITS.skewMs, LIMITS.skewMs);
}

function count(value: number | undefined, fallback: number, field: string, max: number): number {
  return inRange(value ?? fallback, field, 0, max, true);
}

function checkLatency(latency: EmulatorOptions["latency"]): void {
  if (latency === undefined) return;
  if (typeof latency === "number") {
    inRange(latency, "latency", 0, LIMITS.delayMs);
  } else {
    inRange(latency.min, "latency.min", 0, LIMITS.delayMs);
    inRange(latency.max, "latency.max", latency.min, LIMITS.delayMs);
  }
}

/** The host as it goes in a URL: wildcard binds are reached on loopback, IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
