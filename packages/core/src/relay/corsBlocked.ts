import { CorsBlockedError } from "../errors/clientErrors";

interface PageGlobals {
  document?: unknown;
  WorkerGlobalScope?: unknown;
  location?: { origin?: unknown };
  Deno?: unknown;
  Bun?: unknown;
  process?: { versions?: { node?: unknown } };
}

// What a browser's fetch fails with when it gets no answer it may read (a CORS block, or the
// network): Chromium, Firefox, Safari. The same words as in retry/classifyError.ts.
const BROWSER_FETCH_FAILURE =
  /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed)$/;

/**
 * The page's origin when the code runs in a browser (a page or a worker), where fetch
 * enforces CORS; undefined elsewhere, DOM shims under Node, Deno or Bun included (a Deno
 * worker has `WorkerGlobalScope` too). Read at each failure, never at import.
 */
function pageOrigin(): string | undefined {
  const g = globalThis as PageGlobals;
  if (
    (typeof g.document !== "object" && typeof g.WorkerGlobalScope !== "function") ||
    g.Deno !== undefined ||
    g.Bun !== undefined ||
    g.process?.versions?.node !== undefined
  ) {
    return undefined;
  }
  const origin = g.location?.origin;
  return typeof origin === "string" && origin !== "null" ? origin : undefined;
}

/**
 * Turns fetch's failure into a `CorsBlockedError` when it looks like a CORS block: a browser's
 * network-failure `TypeError`, in a browser, for a call to another origin. Undefined otherwise.
 */
export function corsBlocked(
  error: unknown,
  target: URL,
  describe: string,
): CorsBlockedError | undefined {
  // Only a browser's network failure: any other TypeError (a bad header, Node's `fetch
  // failed`) is not a CORS block.
  if (!(error instanceof TypeError) || !BROWSER_FETCH_FAILURE.test(error.message)) {
    return undefined;
  }
  const page = pageOrigin();
  if (page === undefined || page === target.origin) return undefined;
  return new CorsBlockedError(
    `${describe}: the browser blocked this call from ${page} to ${target.origin}, as it does when the server does not answer CORS; SageMaker Runtime does not. Send browser calls through @sagefetch/relay: set the client's \`relay\` option to its URL. (A network failure looks the same to a page.)`,
    target.origin,
    error,
  );
}
