import { EndpointError } from "../errors/clientErrors";
import { partitionOf } from "../protocol/partitions";

/** A custom endpoint, in any of the shapes the AWS SDK accepts. */
export type EndpointInput =
  | string
  | URL
  | { url: URL | string }
  | { protocol: string; hostname: string; port?: number; path?: string };

export interface EndpointOptions {
  region: string;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  endpoint?: EndpointInput;
}

/**
 * The endpoint rules of SageMaker Runtime (the AWS SDK's `bdd.js`, as plain code): the base URL
 * that every operation's path is appended to, with any base path of a custom endpoint kept.
 */
export function resolveEndpoint(options: EndpointOptions): URL {
  const { region, useFipsEndpoint: fips, useDualstackEndpoint: dualStack, endpoint } = options;
  if (endpoint !== undefined) {
    if (fips) {
      throw new EndpointError({
        message: "Invalid Configuration: FIPS and custom endpoint are not supported",
      });
    }
    if (dualStack) {
      throw new EndpointError({
        message: "Invalid Configuration: Dualstack and custom endpoint are not supported",
      });
    }
    return toUrl(endpoint);
  }
  if (!region) throw new EndpointError({ message: "Invalid Configuration: Missing Region" });
  const { name, dnsSuffix, dualStackDnsSuffix } = partitionOf(region);
  // FIPS in aws-us-gov is the plain host; in aws it is `runtime-fips.sagemaker`; elsewhere,
  // and with dual-stack everywhere, `runtime.sagemaker-fips`.
  const service =
    !fips || (name === "aws-us-gov" && !dualStack)
      ? "runtime.sagemaker"
      : name === "aws" && !dualStack
        ? "runtime-fips.sagemaker"
        : "runtime.sagemaker-fips";
  return new URL(`https://${service}.${region}.${dualStack ? dualStackDnsSuffix : dnsSuffix}`);
}

function toUrl(endpoint: EndpointInput): URL {
  try {
    if (typeof endpoint === "string" || endpoint instanceof URL) return new URL(endpoint);
    if ("url" in endpoint) return new URL(endpoint.url);
    const port = endpoint.port ? `:${endpoint.port}` : "";
    const protocol = endpoint.protocol.endsWith(":") ? endpoint.protocol : `${endpoint.protocol}:`;
    return new URL(`${protocol}//${endpoint.hostname}${port}${endpoint.path ?? ""}`);
  } catch (cause) {
    throw new EndpointError({
      message: `Invalid Configuration: endpoint is not a valid URL`,
      cause,
    });
  }
}

/** Appends an operation's path to the base path of the endpoint (`/prefix` + `/endpoints/...`). */
export function withOperationPath(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = base.pathname.replace(/\/+$/, "") + path;
  url.search = "";
  return url;
}
