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
export function pageOrigin(): string | undefined {
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
 * Whether fetch's rejection is a browser's opaque network failure (a CORS block and a dropped
 * connection look the same), in a browser calling another origin than the page's. Any other
 * TypeError (a bad header, Node's `fetch failed`) is not.
 */
export function isCrossOriginBrowserFailure(error: unknown, target: URL): boolean {
  if (!(error instanceof TypeError) || !BROWSER_FETCH_FAILURE.test(error.message)) return false;
  const page = pageOrigin();
  return page !== undefined && page !== target.origin;
}
