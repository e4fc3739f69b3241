import { EndpointError } from "../errors/clientErrors";

/**
 * The `relay` option as a base URL, checked when the client is made: http(s), and nothing
 * fetch refuses (user, password) or the relay would not read (query, fragment).
 */
export function relayBase(relay: string | URL): URL {
  let url: URL | undefined;
  try {
    url = new URL(relay);
  } catch {}
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new EndpointError({
      message:
        "Invalid Configuration: relay must be an http(s) URL with no user, password, query or fragment",
    });
  }
  return url;
}

/**
 * Where a request signed for `signed` goes through the relay:
 * `{relay}/{signed host}{signed path}{query}`. The host and path stay exactly as signed, so
 * the relay forwards them as they are and the signature still holds.
 */
export function viaRelay(base: URL, signed: URL): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, "")}/${signed.host}${signed.pathname}`;
  url.search = signed.search;
  return url;
}
