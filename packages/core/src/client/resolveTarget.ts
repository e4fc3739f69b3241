import type { SerializedRequest } from "../commands/Operation";
import { normalizeRegion } from "../endpoint/normalizeRegion";
import { resolveEndpoint, withOperationPath } from "../endpoint/resolveEndpoint";
import { viaRelay } from "../endpoint/viaRelay";
import { EndpointError } from "../errors/clientErrors";
import type { ResolvedConfig } from "./config";

/** Where one call goes, and how often it may try. */
export interface Target {
  /** The URL signed for: the service's host, or `endpoint`. */
  url: URL;
  /** Where the request goes: `url`, or the relay naming it. */
  sendTo: URL;
  region: string;
  maxAttempts: number;
  /** The operation and endpoint, for messages. */
  describe: string;
}

/** Reads the options that may change between calls, and resolves the call's endpoint. */
export async function resolveTarget(
  config: ResolvedConfig,
  operationName: string,
  request: SerializedRequest,
): Promise<Target> {
  const [rawRegion, fipsOption, dualStack, maxAttempts, endpoint] = await Promise.all([
    config.region(),
    config.useFipsEndpoint(),
    config.useDualstackEndpoint(),
    config.maxAttempts(),
    config.endpoint?.(),
  ]);
  const { region, fips } = normalizeRegion(rawRegion);
  const base = resolveEndpoint({
    region,
    useFipsEndpoint: fipsOption || fips,
    useDualstackEndpoint: dualStack,
    endpoint,
  });
  // A custom endpoint still needs a region: SigV4 signs it into the credential scope.
  if (!region) throw new EndpointError({ message: "Invalid Configuration: Missing Region" });
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new TypeError("maxAttempts must be an integer ≥ 1");
  }
  const url = withOperationPath(base, request.path);
  return {
    url,
    sendTo: config.relay ? viaRelay(config.relay, url) : url,
    region,
    maxAttempts,
    describe: `${operationName} on endpoint "${request.endpointName}"`,
  };
}
