import type { IncomingMessage, ServerResponse } from "node:http";
import type { RelayHandler } from "../internal/relayHandler";
import { refusalResponse } from "../refusal";
import { requestBody } from "./requestBody";

/** A `(req, res)` listener for `http.createServer` (or `https.createServer`). */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

// A Host header value: a reg-name, IPv4 or bracketed IPv6 literal, and an optional port.
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::\d{1,5})?$/;
// Methods a web `Request` cannot carry: the relay refuses them as it does any other than POST.
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
const noop = () => {};

/**
 * Serves a relay (`createRelay`'s handler) on Node's http server: the Node request becomes a
 * web `Request`, the relay's `Response` is written back as it comes, with backpressure.
 *
 * Nothing a client sends or does makes it throw: a request line or `Host` header that names
 * no URL is answered 400; a client that goes away aborts the upstream call (its signal) and
 * stops the answer; an answer that fails mid-body cuts the connection (the client sees it
 * truncated, not complete).
 *
 * @example
 * import { createServer } from "node:http";
 * import { createRelay } from "@sagefetch/relay";
 * import { toNodeHandler } from "@sagefetch/relay/node";
 * createServer(toNodeHandler(createRelay({ allowedOrigins: ["https://app.example.com"] }))).listen(9000);
 */
export function toNodeHandler(relay: RelayHandler): NodeListener {
  if (typeof relay !== "function") {
    throw new TypeError("toNodeHandler: relay must be the handler createRelay returned");
  }
  return (req, res) => {
    // An `error` without a listener would be thrown: a reset connection is not the relay's.
    req.on("error", noop);
    res.on("error", noop);
    serve(relay, req, res).catch(() => {
      // Not the relay's way (it answers its own failures), but a handler may be wrapped.
      if (res.headersSent || res.destroyed) res.destroy();
      else res.writeHead(500, { "content-length": "0" }).end();
    });
  };
}

async function serve(relay: RelayHandler, req: IncomingMessage, res: ServerResponse) {
  const abort = new AbortController();
  // `close` before the answer has finished: the client went away.
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const request = toRequest(req, abort.signal);
  const response = typeof request === "string" ? badRequest(request) : await relay(request);
  await write(response, res, abort.signal);
}

/** The web `Request` for a Node request, or what is wrong with its request line or Host. */
function toRequest(req: IncomingMessage, signal: AbortSignal): Request | string {
  const url = urlOf(req);
  if (typeof url === "string") return url;
  const method = req.method ?? "GET";
  const headers = new Headers();
  try {
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
    }
  } catch {
    return "a header of the request is not a valid HTTP header";
  }
  const hasBody = method !== "GET" && method !== "HEAD";
  try {
    return new Request(url, {
      // The relay answers any method but POST (and a preflight) with its own 405.
      method: FORBIDDEN_METHODS.has(method.toUpperCase()) ? "PUT" : method,
      headers,
      body: hasBody ? requestBody(req) : undefined,
      signal,
      // @ts-expect-error: a streamed body needs `duplex` in Node's fetch; DOM's types lack it.
      duplex: "half",
    });
  } catch {
    return "the request line is not a valid HTTP request";
  }
}

/** The URL a request names: its absolute-form target as it is, or its path on its Host. */
function urlOf(req: IncomingMessage): URL | string {
  const target = req.url ?? "";
  if (target.startsWith("/")) {
    const host = req.headers.host ?? "localhost";
    if (!HOST.test(host)) return "the Host header is not a host name";
    return parse(`http://${host}${target}`) ?? "the request target is not a path";
  }
  // Absolute form (`POST http://host/path HTTP/1.1`): the target names the host itself.
  const url = parse(target);
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    return "the request target is neither a path nor an http(s) URL";
  }
  return url;
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function badRequest(problem: string): Response {
  return refusalResponse(
    {
      status: 400,
      code: "BadRequestException",
      message: `The relay cannot read this request: ${problem}.`,
    },
    null,
  );
}

/** Writes the answer: status and headers, then the body part by part as the client takes it. */
async function write(response: Response, res: ServerResponse, signal: AbortSignal) {
  if (signal.aborted) {
    await response.body?.cancel().catch(noop);
    return;
  }
  for (const [name, value] of response.headers) res.appendHeader(name, value);
  res.writeHead(response.status, response.statusText || undefined);
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const stop = () => reader.cancel().catch(noop);
  signal.addEventListener("abort", stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (signal.aborted) return;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    // The answer failed after its headers went out: cut the connection, so that the client
    // sees a truncated answer rather than a complete one.
    res.destroy();
  } finally {
    signal.removeEventListener("abort", stop);
  }
}

/** Resolves once the client has taken what was written, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
