import { RelayUnreachableError } from "../errors/clientErrors";
import { isCrossOriginBrowserFailure } from "./pageOrigin";

/**
 * What fetch's failure to reach the relay means. The relay answers its own refusals with
 * CORS headers, so a failure here is the relay down, a wrong `relay` URL, or a relay that
 * refuses this page's origin: in a browser (where those look alike and retrying cannot help)
 * it is raised at once; elsewhere the network error is retried first.
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
