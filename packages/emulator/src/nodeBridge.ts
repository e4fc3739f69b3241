import type { IncomingMessage, ServerResponse } from "node:http";

// Between Node's http server and the web-standard Request/Response the MSW handlers speak.

export async function readRequestBody(
  request: IncomingMessage,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += chunk.byteLength;
    if (length > maxBytes) return undefined;
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
export function toWebRequest(
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
export async function writeAnswer(
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
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      // A body that fails mid-way (a cut stream): what was written reaches the client first,
      // then the caller cuts the connection.
      await flushed(response);
      throw error;
    }
    if (next.done || response.destroyed) break;
    if (!response.write(next.value) && !response.destroyed) await drained(response);
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

/** Resolves once everything written so far has been handed to the socket (or it closed). */
function flushed(response: ServerResponse): Promise<void> {
  if (response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    response.write(new Uint8Array(0), () => resolve());
  });
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
