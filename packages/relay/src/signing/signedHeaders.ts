import { requestHeaderNames, SDK_HEADERS } from "@sagefetch/core/protocol";
import { RelayConfigError } from "../RelayConfigError";
import type { Refusal } from "../refusal";
import type { OperationName } from "../route";

const X = "x-amzn-sagemaker-";
const INPUT_LOCATION = `${X}inputlocation`;

/**
 * The headers that choose what the endpoint's role reads (`InputLocation`: any S3 object it
 * may read) or which model, variant, container or inference component runs. Signed with the
 * relay's credentials they would let any page that passes `authorize` choose them, so the
 * relay refuses them unless `signing.allowHeaders` (or `signing.inputLocations`) allows them.
 */
export type GuardedHeader =
  | "x-amzn-sagemaker-inputlocation"
  | "x-amzn-sagemaker-target-model"
  | "x-amzn-sagemaker-target-variant"
  | "x-amzn-sagemaker-target-container-hostname"
  | "x-amzn-sagemaker-inference-component";

const GUARDED: readonly string[] = [
  "inputlocation",
  "target-model",
  "target-variant",
  "target-container-hostname",
  "inference-component",
].map((name) => X + name);

/** Which values of a guarded header may be signed: a list, or a function that decides. */
export type HeaderRule =
  | readonly string[]
  | ((value: string, request: Request) => boolean | Promise<boolean>);

// Each operation's request headers (core's protocol tables, bundled at build time), and the
// SDKs' own. Nothing else a page sends is signed: not a made-up `x-amzn-*`, nor an `x-amz-*`
// of its own.
const OPERATION_HEADERS: Record<OperationName, readonly string[]> = {
  InvokeEndpoint: [...requestHeaderNames("InvokeEndpoint"), ...SDK_HEADERS],
  InvokeEndpointWithResponseStream: [
    ...requestHeaderNames("InvokeEndpointWithResponseStream"),
    ...SDK_HEADERS,
  ],
  InvokeEndpointAsync: [...requestHeaderNames("InvokeEndpointAsync"), ...SDK_HEADERS],
};

/** The headers to sign for this operation: its own, as the page sent them. */
export function operationHeaders(
  request: Request,
  operation: OperationName,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of OPERATION_HEADERS[operation]) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

type Check = (value: string, request: Request) => Promise<boolean>;

/** `s3://bucket/` and what follows: a bucket name, then a slash. */
const S3_PREFIX = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\//;
// A `.` or `..` segment, a backslash or a percent escape: whatever reads the location might
// resolve or decode them out of the prefix.
const UNSAFE_LOCATION = /(?:^|\/)\.\.?(?:\/|$)|[\\%]/;

/**
 * Checks `signing.allowHeaders` and `signing.inputLocations` once, and returns the check of a
 * request's guarded headers: a refusal naming the first header not allowed (never its value).
 */
export function guardedHeaders(
  allowHeaders: unknown,
  inputLocations: unknown,
): (request: Request) => Promise<Refusal | undefined> {
  const checks = new Map<string, Check>();
  if (allowHeaders !== undefined) {
    if (typeof allowHeaders !== "object" || allowHeaders === null || Array.isArray(allowHeaders)) {
      throw new RelayConfigError(
        "signing.allowHeaders",
        "must be an object: a header name to a list of values or a function",
      );
    }
    for (const [key, rule] of Object.entries(allowHeaders)) {
      const field = `signing.allowHeaders.${key}`;
      const name = key.toLowerCase();
      if (!GUARDED.includes(name)) {
        throw new RelayConfigError(
          field,
          `is not a header the relay refuses (${GUARDED.join(", ")}): it signs an operation's other headers as they come`,
        );
      }
      checks.set(name, ruleCheck(rule, field));
    }
  }
  if (inputLocations !== undefined) {
    if (!Array.isArray(inputLocations)) {
      throw new RelayConfigError("signing.inputLocations", "must be an array of S3 prefixes");
    }
    if (checks.has(INPUT_LOCATION)) {
      throw new RelayConfigError(
        "signing.inputLocations",
        `and signing.allowHeaders.${INPUT_LOCATION} cannot both be given`,
      );
    }
    const prefixes = inputLocations.map((prefix: unknown, i) => {
      if (typeof prefix !== "string" || !S3_PREFIX.test(prefix)) {
        throw new RelayConfigError(
          `signing.inputLocations[${i}]`,
          "must be an S3 prefix: s3://bucket/ or s3://bucket/some/path/",
        );
      }
      return prefix;
    });
    checks.set(INPUT_LOCATION, async (value) =>
      prefixes.some(
        (prefix) =>
          value.startsWith(prefix) && !UNSAFE_LOCATION.test(value.slice(prefix.length - 1)),
      ),
    );
  }

  return async (request) => {
    for (const name of GUARDED) {
      const value = request.headers.get(name);
      if (value === null) continue;
      const check = checks.get(name);
      if (check && (await check(value, request))) continue;
      return {
        status: 403,
        code: "AccessDeniedException",
        message: `The relay signs ${name} only with a value that signing.allowHeaders${
          name === INPUT_LOCATION ? " or signing.inputLocations" : ""
        } allows.`,
      };
    }
    return undefined;
  };
}

function ruleCheck(rule: unknown, field: string): Check {
  if (typeof rule === "function")
    return async (value, request) => (await rule(value, request)) === true;
  if (!Array.isArray(rule)) {
    throw new RelayConfigError(field, "must be a list of values or a function");
  }
  const values = new Set(
    rule.map((value: unknown, i) => {
      if (typeof value !== "string")
        throw new RelayConfigError(`${field}[${i}]`, "must be a string");
      return value;
    }),
  );
  return async (value) => values.has(value);
}
