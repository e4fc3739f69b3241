/** The three operations of SageMaker Runtime, by the last segment of their path. */
const OPERATIONS = {
  invocations: "InvokeEndpoint",
  "invocations-response-stream": "InvokeEndpointWithResponseStream",
  "async-invocations": "InvokeEndpointAsync",
} as const;

export type OperationName = (typeof OPERATIONS)[keyof typeof OPERATIONS];

/** What a relay URL names: the signed host, and the operation's path on it. */
export interface RelayRoute {
  /** The host the request was signed for, e.g. `runtime.sagemaker.us-east-1.amazonaws.com`. */
  host: string;
  /** `/endpoints/{EndpointName}/{operation}`, exactly as signed. */
  path: string;
  endpointName: string;
  operation: OperationName;
}

// `.../{host}/endpoints/{name}/{operation}` at the end of the path; anything before the host is
// the relay's own prefix (where the app mounted it) and is not forwarded.
const ROUTE = /\/([^/]+)(\/endpoints\/([^/]*)\/([^/]+))$/;
/** SageMaker's EndpointName: 1–63 characters, letters, digits and single or repeated hyphens. */
const ENDPOINT_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;

/** The result of reading a relay URL's path: a route, or why it names no operation. */
export type RouteResult =
  | { ok: true; route: RelayRoute }
  | { ok: false; reason: "no-operation" | "bad-endpoint-name" };

/** Reads `{prefix}/{host}/endpoints/{EndpointName}/{operation}` from a relay URL's path. */
export function parseRoute(pathname: string): RouteResult {
  const match = ROUTE.exec(pathname);
  const last = match?.[4] ?? "";
  // Own keys only: `constructor` or `toString` must not pass for an operation.
  if (!match || !Object.hasOwn(OPERATIONS, last)) return { ok: false, reason: "no-operation" };
  const operation = OPERATIONS[last as keyof typeof OPERATIONS];
  const endpointName = match[3] as string;
  if (endpointName.length > 63 || !ENDPOINT_NAME.test(endpointName)) {
    return { ok: false, reason: "bad-endpoint-name" };
  }
  return {
    ok: true,
    route: {
      host: (match[1] as string).toLowerCase(),
      path: match[2] as string,
      endpointName,
      operation,
    },
  };
}
