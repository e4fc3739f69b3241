import type { EndpointConfig, EndpointDefinition, VariantConfig } from "@sagefetch/msw";
import { createDemoEndpoints, type DemoEndpointName } from "@sagefetch/msw";
import { containerModel } from "./containerModel";
import { LIMITS } from "./limits";

/**
 * An endpoint as a config file describes it: a demo model by name, or an object with exactly
 * one of `demo`, `container` (a model container's URL) or `response` (a fixed answer), and the
 * endpoint's shape (variants, multi-model, inference components, sessions).
 */
export type EndpointSpec =
  | DemoEndpointName
  | {
      demo?: DemoEndpointName;
      container?: string;
      response?: { body: unknown; contentType?: string; customAttributes?: string };
      variants?: (string | VariantConfig)[];
      models?: string[];
      inferenceComponents?: string[];
      /** Play the container's side of stateful sessions: `true` or `{ ttlSeconds }`. */
      sessions?: boolean | { ttlSeconds?: number };
    };

/** A config file's value that is not a valid endpoint spec; the message names where. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const DEMO_NAMES = new Set<string>([
  "echo",
  "sentiment",
  "chat",
  "tabular",
  "flaky",
  "slow",
  "tgi",
  "tgi-messages",
  "lmi",
  "lmi-messages",
  "vllm",
]);

/** The endpoint definition a spec describes (a function or object from a module passes as is). */
export function endpointFromSpec(name: string, spec: unknown): EndpointDefinition {
  const where = `endpoints.${name}`;
  if (typeof spec === "function") return spec as EndpointDefinition;
  if (typeof spec === "string") return demoModel(spec, where);
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new ConfigError(`${where} must be a demo model name or an object`);
  }
  const fields = spec as Record<string, unknown>;
  if (typeof fields.model === "function") return fields as unknown as EndpointConfig;
  const sources = ["demo", "container", "response"].filter((key) => fields[key] !== undefined);
  if (sources.length !== 1) {
    throw new ConfigError(`${where} needs exactly one of demo, container or response`);
  }
  const base = baseConfig(fields, where);
  return {
    ...base,
    ...optional("variants", variants(fields.variants, `${where}.variants`)),
    ...optional("models", strings(fields.models, `${where}.models`)),
    ...optional(
      "inferenceComponents",
      strings(fields.inferenceComponents, `${where}.inferenceComponents`),
    ),
    ...optional("sessions", sessions(fields.sessions, `${where}.sessions`) ?? base.sessions),
  };
}

function baseConfig(fields: Record<string, unknown>, where: string): EndpointConfig {
  if (fields.demo !== undefined) {
    const demo = demoModel(fields.demo, `${where}.demo`);
    return typeof demo === "function" ? { model: demo } : demo;
  }
  if (fields.container !== undefined) {
    if (typeof fields.container !== "string" || !URL.canParse(fields.container)) {
      throw new ConfigError(`${where}.container must be a URL such as http://127.0.0.1:8081`);
    }
    return { model: containerModel(fields.container) };
  }
  const response = fields.response;
  if (typeof response !== "object" || response === null || !("body" in response)) {
    throw new ConfigError(`${where}.response must be an object with a body`);
  }
  const { body, contentType, customAttributes } = response as Record<string, unknown>;
  if (contentType !== undefined && typeof contentType !== "string") {
    throw new ConfigError(`${where}.response.contentType must be a string`);
  }
  if (customAttributes !== undefined && typeof customAttributes !== "string") {
    throw new ConfigError(`${where}.response.customAttributes must be a string`);
  }
  const output = {
    body: body as string | object | number | boolean | null,
    ...optional("contentType", contentType as string | undefined),
    ...optional("customAttributes", customAttributes as string | undefined),
  };
  return { model: () => output };
}

function demoModel(name: unknown, where: string): EndpointDefinition {
  if (typeof name !== "string" || !DEMO_NAMES.has(name)) {
    throw new ConfigError(`${where} must be one of ${[...DEMO_NAMES].join(", ")}`);
  }
  return createDemoEndpoints()[name as DemoEndpointName];
}

function strings(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item !== "")) {
    throw new ConfigError(`${where} must be a list of non-empty strings`);
  }
  return value;
}

function variants(value: unknown, where: string): (string | VariantConfig)[] | undefined {
  if (value === undefined) return undefined;
  const valid =
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === "string" ||
        (typeof item === "object" &&
          item !== null &&
          typeof item.name === "string" &&
          (item.weight === undefined ||
            (typeof item.weight === "number" &&
              item.weight >= 0 &&
              item.weight <= LIMITS.variantWeight))),
    );
  if (!valid) {
    throw new ConfigError(
      `${where} must be a list of names or { name, weight } (weight from 0 to ${LIMITS.variantWeight})`,
    );
  }
  return value;
}

function sessions(value: unknown, where: string): EndpointConfig["sessions"] {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  if (typeof value === "object" && value !== null) {
    const ttl = (value as { ttlSeconds?: unknown }).ttlSeconds;
    if (ttl === undefined) return {};
    if (typeof ttl === "number" && ttl > 0 && ttl <= LIMITS.sessionTtlSeconds) {
      return { ttlSeconds: ttl };
    }
  }
  throw new ConfigError(
    `${where} must be true or { ttlSeconds: a number from 1 to ${LIMITS.sessionTtlSeconds} }`,
  );
}

/** `{ [key]: value }` when the value is defined, else nothing (keeps defaults in place). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
