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

/** The route of a request to SageMaker Runtime, or undefined for a request to anything else. */
export function matchRoute(request: Request, baseUrls: readonly BaseUrl[]): Route | undefined {
  const url = new URL(request.url);
  const aws = url.protocol === "https:" ? AWS_HOST.exec(url.hostname) : null;
  let path: string | undefined;
  if (aws !== null) {
    path = url.pathname;
  } else {
    for (const base of baseUrls) {
      if (url.origin !== base.origin) continue;
      if (url.pathname === base.path || url.pathname.startsWith(`${base.path}/`)) {
        path = url.pathname.slice(base.path.length);
        break;
      }
    }
  }
  if (path === undefined) return undefined;
  const match = OPERATION_PATH.exec(path);
  const operation = match && request.method === "POST" ? OPERATIONS.get(match[2] ?? "") : undefined;
  return {
    operation,
    endpointName: match?.[1] === undefined ? undefined : safeDecode(match[1]),
    hostRegion: aws?.[1],
  };
}
