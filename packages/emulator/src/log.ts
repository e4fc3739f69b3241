import { safeDecode } from "./internal/safeDecode";

export interface LogFields {
  method: string;
  /** The path without its query string (which may carry presigned credentials). */
  path: string;
  /** 0 when no answer was sent (a dropped connection, a client that went away). */
  status: number;
  ms: number;
  endpoint: string | undefined;
  /** Why no answer was sent, or why it was cut: ours to word, never the request's contents. */
  note?: string;
}

const OPERATION_PATH = /^\/endpoints\/([^/]+)\//;

/** The endpoint named by a SageMaker Runtime path, if any. */
export function endpointOf(path: string): string | undefined {
  const name = OPERATION_PATH.exec(path)?.[1];
  return name === undefined ? undefined : safeDecode(name);
}

/**
 * `POST /endpoints/echo/invocations 200 3ms echo`: the request line's method and path, the
 * status, the time to the last byte, and the endpoint; then, for a request that got no answer
 * or a cut one, why in parentheses (`0 2ms echo (dropped: a drop fault)`). Never a header, a
 * body or a query.
 */
export function formatLogLine(fields: LogFields): string {
  const endpoint = fields.endpoint === undefined ? "-" : printable(fields.endpoint);
  const note = fields.note === undefined ? "" : ` (${fields.note})`;
  return `${printable(fields.method)} ${printable(fields.path)} ${fields.status} ${Math.round(fields.ms)}ms ${endpoint}${note}`;
}

/** Control characters and spaces escaped, so one request is one line with five fields. */
function printable(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code <= 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : c;
  }
  return out;
}
