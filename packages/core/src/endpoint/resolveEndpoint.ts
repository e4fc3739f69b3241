import { EndpointError } from "../errors/clientErrors";
import { partitionOf } from "./partitions";

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
      throw new EndpointError("Invalid Configuration: FIPS and custom endpoint are not supported");
    }
    if (dualStack) {
      throw new EndpointError(
        "Invalid Configuration: Dualstack and custom endpoint are not supported",
      );
    }
    return toUrl(endpoint);
  }
  if (!region) throw new EndpointError("Invalid Configuration: Missing Region");
  const partition = partitionOf(region);
  if (fips && dualStack) {
    return new URL(`https://runtime.sagemaker-fips.${region}.${partition.dualStackDnsSuffix}`);
  }
  if (fips) {
    if (partition.name === "aws") return new URL(`https://runtime-fips.sagemaker.${region}.amazonaws.com`);
    if (partition.name === "aws-us-gov") return new URL(`https://runtime.sagemaker.${region}.amazonaws.com`);
    return new URL(`https://runtime.sagemaker-fips.${region}.${partition.dnsSuffix}`);
  }
  if (dualStack) return new URL(`https://runtime.sagemaker.${region}.${partition.dualStackDnsSuffix}`);
  return new URL(`https://runtime.sagemaker.${region}.${partition.dnsSuffix}`);
}

function toUrl(endpoint: EndpointInput): URL {
  try {
    if (typeof endpoint === "string" || endpoint instanceof URL) return new URL(endpoint);
    if ("url" in endpoint) return new URL(endpoint.url);
    const port = endpoint.port ? `:${endpoint.port}` : "";
    const protocol = endpoint.protocol.endsWith(":") ? endpoint.protocol : `${endpoint.protocol}:`;
    return new URL(`${protocol}//${endpoint.hostname}${port}${endpoint.path ?? ""}`);
  } catch (cause) {
    throw new EndpointError(`Invalid Configuration: endpoint is not a valid URL`, { cause });
  }
}

/** Appends an operation's path to the base path of the endpoint (`/prefix` + `/endpoints/...`). */
export function withOperationPath(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = base.pathname.replace(/\/+$/, "") + path;
  url.search = "";
  return url;
}
