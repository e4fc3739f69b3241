import { DNS_SUFFIXES } from "../internal/partitions";
import { safeDecode } from "../internal/uriEncode";
import type { OperationName } from "./types";

/** Where a request is headed, once it is known to be for SageMaker Runtime. */
export interface Route {
  /** Undefined for a path or method no operation has. */
  operation: OperationName | undefined;
  endpointName: string | undefined;
  /** The region named by an AWS host name. */
  hostRegion: string | undefined;
}

/** A custom endpoint: origin, and a base path without trailing slash (may be ""). */
export interface BaseUrl {
  origin: string;
  path: string;
}

const OPERATIONS = new Map<string, OperationName>([
  ["invocations", "InvokeEndpoint"],
  ["invocations-response-stream", "InvokeEndpointWithResponseStream"],
  ["async-invocations", "InvokeEndpointAsync"],
]);

/**
 * `runtime.sagemaker.{region}.{dnsSuffix}`, `runtime-fips.sagemaker.{region}.{dnsSuffix}`,
 * `runtime.sagemaker-fips.{region}.{dnsSuffix}`, for any partition's (dual-stack) suffix.
 */
const AWS_HOST = new RegExp(
  `^runtime(?:-fips)?\\.sagemaker(?:-fips)?\\.([a-z0-9-]+)\\.(?:${DNS_SUFFIXES.map((s) => s.replaceAll(".", "\\.")).join("|")})$`,
);

const OPERATION_PATH = /^\/endpoints\/([^/]+)\/([a-z-]+)$/;

export function parseBaseUrl(url: string): BaseUrl {
  const parsed = new URL(url);
  return { origin: parsed.origin, path: parsed.pathname.replace(/\/+$/, "") };
}

/**
 * The path of a request to SageMaker Runtime (after a custom endpoint's base path) and the
 * region its AWS host names, or undefined for a request to anything else.
 */
export function runtimePath(
  request: Request,
  baseUrls: readonly BaseUrl[],
): { path: string; hostRegion: string | undefined } | undefined {
  const url = new URL(request.url);
  const aws = url.protocol === "https:" ? AWS_HOST.exec(url.hostname) : null;
  if (aws !== null) return { path: url.pathname, hostRegion: aws[1] };
  for (const base of baseUrls) {
    if (url.origin !== base.origin) continue;
    if (url.pathname === base.path || url.pathname.startsWith(`${base.path}/`)) {
      return { path: url.pathname.slice(base.path.length), hostRegion: undefined };
    }
  }
  return undefined;
}

/** The route of a request to SageMaker Runtime, or undefined for a request to anything else. */
export function matchRoute(request: Request, baseUrls: readonly BaseUrl[]): Route | undefined {
  const found = runtimePath(request, baseUrls);
  if (found === undefined) return undefined;
  const match = OPERATION_PATH.exec(found.path);
  const operation = match && request.method === "POST" ? OPERATIONS.get(match[2] ?? "") : undefined;
  return {
    operation,
    endpointName: match?.[1] === undefined ? undefined : safeDecode(match[1]),
    hostRegion: found.hostRegion,
  };
}
