import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { EndpointDefinition, MockCredentials } from "@sagefetch/msw";
import { demoEndpoints } from "@sagefetch/msw";
import { parseDuration } from "./duration";
import { ConfigError, type EndpointSpec, endpointFromSpec } from "./endpointSpec";
import { parseFaultSpec } from "./faultSpec";
import { LIMITS } from "./limits";
import type { EmulatorOptions } from "./options";

/**
 * What a config file (`sagefetch-emulator --config emulator.json`) holds. A `.mjs`/`.js` file
 * default-exports the same shape, and its endpoints may also be model functions.
 *
 * @example
 * { "endpoints": { "llm": { "container": "http://127.0.0.1:8081" }, "ab": { "demo": "sentiment", "variants": [{ "name": "A", "weight": 3 }, "B"] } }, "faults": ["throttle:1"] }
 */
export interface EmulatorConfigFile {
  port?: number;
  host?: string;
  cors?: boolean;
  seed?: number;
  /** `15m`, `-2h`, `90s`, or ms. */
  clockSkew?: string | number;
  /** ms, or `{ "min": 50, "max": 200 }`. */
  latency?: number | { min: number; max: number };
  credentials?: MockCredentials[];
  faults?: string[];
  region?: string;
  verifySignatures?: boolean;
  /** Serve the demo endpoints beside the file's own. Default: true. */
  demo?: boolean;
  endpoints?: Record<string, EndpointSpec | EndpointDefinition>;
}

const KEYS = new Set([
  "port",
  "host",
  "cors",
  "seed",
  "clockSkew",
  "latency",
  "credentials",
  "faults",
  "region",
  "verifySignatures",
  "demo",
  "endpoints",
]);

/** Reads a JSON or ES module config file into emulator options. Errors name the file and field. */
export async function loadConfigFile(path: string): Promise<EmulatorOptions> {
  const absolute = resolve(path);
  let raw: unknown;
  try {
    raw =
      extname(absolute) === ".json"
        ? JSON.parse(await readFile(absolute, "utf8"))
        : ((await import(pathToFileURL(absolute).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new ConfigError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return optionsFromConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RangeError) {
      throw new ConfigError(`${path}: ${error.message}`);
    }
    throw error;
  }
}

/** The emulator options a parsed config describes. */
export function optionsFromConfig(raw: unknown): EmulatorOptions {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError("the config must be an object");
  }
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!KEYS.has(key)) throw new ConfigError(`unknown field ${key}`);
  }
  const options: EmulatorOptions = {};
  if (config.port !== undefined) options.port = integer(config.port, "port", 65_535);
  if (config.host !== undefined) options.host = text(config.host, "host");
  if (config.region !== undefined) options.region = text(config.region, "region");
  if (config.cors !== undefined) options.cors = flag(config.cors, "cors");
  if (config.verifySignatures !== undefined) {
    options.verifySignatures = flag(config.verifySignatures, "verifySignatures");
  }
  if (config.seed !== undefined) options.seed = integer(config.seed, "seed", LIMITS.seed);
  if (config.clockSkew !== undefined) {
    options.clockSkewMs = parseDuration(config.clockSkew as string | number, "clockSkew");
  }
  if (config.latency !== undefined) options.latency = latency(config.latency);
  if (config.faults !== undefined) options.faults = faults(config.faults);
  if (config.credentials !== undefined) options.credentials = credentials(config.credentials);
  const own: Record<string, EndpointDefinition> = {};
  const specs = config.endpoints ?? {};
  if (typeof specs !== "object" || specs === null || Array.isArray(specs)) {
    throw new ConfigError("endpoints must be an object of endpoint specs by name");
  }
  for (const [name, spec] of Object.entries(specs)) own[name] = endpointFromSpec(name, spec);
  const demo = config.demo === undefined ? true : flag(config.demo, "demo");
  options.endpoints = demo ? { ...demoEndpoints, ...own } : own;
  return options;
}

function integer(value: unknown, field: string, max: number): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
    throw new ConfigError(`${field} must be a non-negative integer up to ${max}`);
  }
  return value as number;
}

function faults(value: unknown): string[] {
  const specs = strings(value, "faults");
  specs.forEach((spec, i) => {
    try {
      parseFaultSpec(spec);
    } catch (error) {
      throw new ConfigError(
        `faults[${i}]: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  return specs;
}

function text(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") {
    throw new ConfigError(`${field} must be a string`);
  }
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw new ConfigError(`${field} must be true or false`);
  return value;
}

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new ConfigError(`${field} must be a list of strings`);
  }
  return value;
}

function latency(value: unknown): number | { min: number; max: number } {
  const ms = (x: unknown): x is number =>
    typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= LIMITS.delayMs;
  if (ms(value)) return value;
  if (typeof value === "object" && value !== null) {
    const { min, max } = value as { min?: unknown; max?: unknown };
    if (ms(min) && ms(max) && max >= min) return { min, max };
  }
  throw new ConfigError(
    `latency must be ms from 0 to ${LIMITS.delayMs}, or { "min": ms, "max": ms } with min ≤ max`,
  );
}

function credentials(value: unknown): MockCredentials[] {
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (item) =>
        typeof item === "object" &&
        item !== null &&
        typeof item.accessKeyId === "string" &&
        typeof item.secretAccessKey === "string",
    );
  // Never echo the values: they are secrets.
  if (!valid) {
    throw new ConfigError("credentials must be a list of { accessKeyId, secretAccessKey }");
  }
  return value as MockCredentials[];
}
