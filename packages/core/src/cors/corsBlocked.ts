import { CorsBlockedError } from "../errors/clientErrors";
import { isCrossOriginBrowserFailure, pageOrigin } from "./pageOrigin";

/**
 * Turns fetch's failure into a `CorsBlockedError` when it looks like a CORS block: a browser's
 * network-failure `TypeError`, in a browser, for a call to another origin. Undefined otherwise.
 * Why SageMaker Runtime blocks pages, and the way round: decisions/0004-cors-relay.md.
 */
export function corsBlocked(
  error: unknown,
  target: URL,
  describe: string,
): CorsBlockedError | undefined {
  if (!isCrossOriginBrowserFailure(error, target)) return undefined;
  return new CorsBlockedError({
    message: `${describe}: the browser blocked this call from ${pageOrigin()} to ${target.origin}, which does not answer CORS (or the network failed). Set the client's \`relay\` option to a @sagefetch/relay (see decisions/0004-cors-relay.md).`,
    targetOrigin: target.origin,
    cause: error,
  });
}
