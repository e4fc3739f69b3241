import type { BaseUrl } from "../handlers/route";
import { DNS_SUFFIXES } from "../internal/partitions";

/** Where a request is headed, once it is known to be for Cognito Identity or STS. */
export interface ServiceRoute {
  service: "cognito-identity" | "sts";
  /** The region an AWS host name names (undefined for STS's global host and custom hosts). */
  hostRegion: string | undefined;
  /** The request reached one of the extra base URLs. */
  custom: boolean;
}

const SUFFIXES = DNS_SUFFIXES.map((s) => s.replaceAll(".", "\\.")).join("|");

/** `cognito-identity.{region}.{dnsSuffix}` and `cognito-identity-fips.{region}.{dnsSuffix}`. */
const COGNITO_HOST = new RegExp(`^cognito-identity(?:-fips)?\\.([a-z0-9-]+)\\.(?:${SUFFIXES})$`);

/** `sts.amazonaws.com` (global), `sts.{region}.{dnsSuffix}`, `sts-fips.{region}.{dnsSuffix}`. */
const STS_HOST = new RegExp(`^sts(?:-fips)?(?:\\.([a-z0-9-]+))?\\.(?:${SUFFIXES})$`);

function onBase(url: URL, bases: readonly BaseUrl[]): boolean {
  return bases.some(
    (base) =>
      url.origin === base.origin &&
      (url.pathname === base.path || url.pathname === `${base.path}/`),
  );
}

/** The route of a request to Cognito Identity or STS, or undefined for anything else. */
export function matchServiceRoute(
  request: Request,
  hosts: { cognito: readonly BaseUrl[]; sts: readonly BaseUrl[] },
): ServiceRoute | undefined {
  const url = new URL(request.url);
  if (url.protocol === "https:") {
    const cognito = COGNITO_HOST.exec(url.hostname);
    if (cognito !== null)
      return { service: "cognito-identity", hostRegion: cognito[1], custom: false };
    const sts = STS_HOST.exec(url.hostname);
    if (sts !== null) return { service: "sts", hostRegion: sts[1], custom: false };
  }
  if (onBase(url, hosts.cognito))
    return { service: "cognito-identity", hostRegion: undefined, custom: true };
  if (onBase(url, hosts.sts)) return { service: "sts", hostRegion: undefined, custom: true };
  return undefined;
}
