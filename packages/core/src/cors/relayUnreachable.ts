import { RelayUnreachableError } from "../errors/clientErrors";
import { isCrossOriginBrowserFailure } from "./pageOrigin";

/**
 * Fetch's failure to reach the relay as a `RelayUnreachableError`: raised at once in a page,
 * retried first elsewhere (why: decisions/0004-cors-relay.md).
 */
export function relayUnreachable(
  error: unknown,
  relay: URL,
  describe: string,
): { error: RelayUnreachableError; retry: "never" | undefined } {
  const inBrowser = isCrossOriginBrowserFailure(error, relay);
  return {
    error: new RelayUnreachableError({
      message: `${describe}: could not reach the relay at ${relay.origin}: it is down, the \`relay\` URL is wrong${inBrowser ? ", or it does not allow this page's origin" : ""}.`,
      relayOrigin: relay.origin,
      cause: error,
    }),
    retry: inBrowser ? "never" : undefined,
  };
}
