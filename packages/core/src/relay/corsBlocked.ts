import { CorsBlockedError } from "../errors/clientErrors";

interface PageGlobals {
  document?: unknown;
  WorkerGlobalScope?: unknown;
  location?: { origin?: unknown };
}

/**
 * The page's origin when the code runs in a browser (a page or a worker), where fetch
 * enforces CORS; undefined elsewhere. Read at each failure, never at import.
 */
function pageOrigin(): string | undefined {
  const g = globalThis as PageGlobals;
  if (typeof g.document !== "object" && typeof g.WorkerGlobalScope !== "function") {
    return undefined;
  }
  const origin = g.location?.origin;
  return typeof origin === "string" && origin !== "null" ? origin : undefined;
}

/**
 * Turns fetch's failure into a `CorsBlockedError` when it looks like a CORS block: a
 * `TypeError` in a browser, for a call to another origin. Undefined otherwise.
 */
export function corsBlocked(
  error: unknown,
  target: URL,
  describe: string,
): CorsBlockedError | undefined {
  // `fetch failed` is Node's fetch (under jsdom or happy-dom: a DOM, but no CORS).
  if (!(error instanceof TypeError) || error.message === "fetch failed") return undefined;
  const page = pageOrigin();
  if (page === undefined || page === target.origin) return undefined;
  return new CorsBlockedError(
    `${describe}: the browser blocked this call from ${page} to ${target.origin}, as it does when the server does not answer CORS; SageMaker Runtime does not. Send browser calls through @sagefetch/relay: set the client's \`relay\` option to its URL. (A network failure looks the same to a page.)`,
    target.origin,
    error,
  );
}
