import type { SerializedRequest } from "../commands/Operation";
import { normalizeRegion } from "../endpoint/normalizeRegion";
import { resolveEndpoint, withOperationPath } from "../endpoint/resolveEndpoint";
import { viaRelay } from "../endpoint/viaRelay";
import { EndpointError } from "../errors/clientErrors";
import type { ResolvedConfig, TargetSettings } from "./config";

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

/** How many targets a client with fixed settings keeps: one per endpoint and operation. */
const MAX_KEPT_TARGETS = 256;

/** Targets of clients whose settings are fixed values, by operation and path. */
const keptTargets = new WeakMap<ResolvedConfig, Map<string, Target>>();

/**
 * Reads the options that may change between calls, and resolves the call's endpoint. When no
 * setting is a function, the target of a path is made once and reused: building its URLs is
 * a good part of a call's own cost in a browser (bench/invoke-breakdown.mjs). A `Target` is
 * therefore shared, and never changed.
 */
export function resolveTarget(
  config: ResolvedConfig,
  operationName: string,
  request: SerializedRequest,
): Target | Promise<Target> {
  const fixed = config.fixedTargetSettings;
  if (!fixed) {
    return config
      .targetSettings()
      .then((settings) => targetOf(config, settings, operationName, request));
  }
  let kept = keptTargets.get(config);
  if (!kept) {
    kept = new Map();
    keptTargets.set(config, kept);
  }
  const key = `${operationName} ${request.path}`;
  let target = kept.get(key);
  if (!target) {
    target = targetOf(config, fixed, operationName, request);
    if (kept.size >= MAX_KEPT_TARGETS) kept.clear();
    kept.set(key, target);
  }
  return target;
}

function targetOf(
  config: ResolvedConfig,
  settings: TargetSettings,
  operationName: string,
  request: SerializedRequest,
): Target {
  const { region, fips } = normalizeRegion(settings.region);
  const base = resolveEndpoint({
    region,
    useFipsEndpoint: settings.useFipsEndpoint || fips,
    useDualstackEndpoint: settings.useDualstackEndpoint,
    endpoint: settings.endpoint,
  });
  if (!region) throw new EndpointError({ message: "Invalid Configuration: Missing Region" });
  const { maxAttempts } = settings;
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
