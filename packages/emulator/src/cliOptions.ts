import { parseArgs } from "node:util";
import type { EndpointDefinition } from "@sagefetch/msw";
import { demoCredentials, demoEndpoints } from "@sagefetch/msw";
import { loadConfigFile } from "./configFile";
import { containerModel } from "./containerModel";
import { parseDuration } from "./duration";
import { FAULT_SPEC_USAGE, parseFaultSpec } from "./faultSpec";
import { LIMITS } from "./limits";
import type { EmulatorOptions } from "./options";

export const USAGE: string = `Usage: sagefetch-emulator [options]

Serves a SageMaker Runtime emulator (the demo endpoints echo, sentiment, chat, tabular, flaky,
slow, and the chat containers tgi, tgi-messages, lmi, lmi-messages, vllm, with the
OpenAI-compatible route) over HTTP. Point a client at it with its endpoint option, e.g.
  aws sagemaker-runtime invoke-endpoint --endpoint-url http://127.0.0.1:8080 ...

Options:
  --port N                  port to listen on (default 8080; 0 picks a free one)
  --host HOST               address to bind (default 127.0.0.1)
  --config FILE             endpoints and settings from a .json or .mjs file (flags win)
  --container [NAME=]URL    forward endpoint NAME (default "container") to a model container
                            (GET URL/ping, POST URL/invocations); repeatable
  --access-key-id ID        the key clients must sign with (default: the demo key AKIDEXAMPLE)
  --secret-access-key KEY   its secret (give both, or neither)
  --no-verify               accept requests without checking their signatures
  --region REGION           refuse signatures scoped to another region
  --cors                    answer CORS preflights and add CORS headers (off, as the service)
  --cognito POOL_ID         also serve Cognito Identity (at /cognito-identity) and STS (at /sts)
                            with this guest-enabled identity pool; repeatable
  --fault SPEC              queue a fault for the next requests; repeatable. SPEC is one of
                            ${FAULT_SPEC_USAGE}
  --latency MS|MIN-MAX      wait before every answer: fixed, or drawn per request
  --clock-skew DURATION     run the server clock off by e.g. 15m, 90s (behind: --clock-skew=-2h)
  --seed N                  seed of the PRNG behind variants and latency ranges
  --control-token TOKEN     require Authorization: Bearer TOKEN on the control API (or set
                            SAGEFETCH_EMULATOR_CONTROL_TOKEN, which ps does not show)
  -h, --help                show this help

Control API (for tests in other processes), with Content-Type: application/json:
POST /_emulator/faults ["throttle:2"], POST /_emulator/clock {"skew":"15m"},
POST /_emulator/reset, GET /_emulator/requests. It answers on loopback host names only
(unless --host binds another address) and never to web pages.

Limits: fault counts ${LIMITS.faultCount}, delays and latency ${LIMITS.delayMs} ms, clock skew ±30 days.
`;

export class UsageError extends Error {}

export interface CliOptions {
  emulator: EmulatorOptions;
  /** Container endpoints by name, to health-check at start. */
  containers: Record<string, string>;
  cognitoPools: string[];
}

/** The command line (and the config file it names) as emulator options; "help" for -h. */
export async function parseCli(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CliOptions | "help"> {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        config: { type: "string" },
        container: { type: "string", multiple: true },
        "access-key-id": { type: "string" },
        "secret-access-key": { type: "string" },
        verify: { type: "boolean" },
        region: { type: "string" },
        cors: { type: "boolean" },
        cognito: { type: "string", multiple: true },
        fault: { type: "string", multiple: true },
        latency: { type: "string" },
        "clock-skew": { type: "string" },
        seed: { type: "string" },
        "control-token": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
      allowNegative: true,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return "help";
  const options: EmulatorOptions =
    typeof values.config === "string" ? await loadConfig(values.config) : {};
  const port = integer(values.port, "--port", 65_535);
  options.port = port ?? options.port ?? 8080;
  if (typeof values.host === "string") options.host = values.host;
  if (typeof values.region === "string") options.region = values.region;
  if (values.cors === true) options.cors = true;
  if (values.verify === false) options.verifySignatures = false;
  const seed = integer(values.seed, "--seed", LIMITS.seed);
  if (seed !== undefined) options.seed = seed;
  const token = values["control-token"] ?? env.SAGEFETCH_EMULATOR_CONTROL_TOKEN;
  if (typeof token === "string") {
    // Never echoed: a token is a secret.
    if (!/^[\x21-\x7e]{16,256}$/.test(token)) {
      throw new UsageError("--control-token must be 16 to 256 printable characters, no spaces");
    }
    options.controlToken = token;
  }
  if (typeof values.latency === "string") options.latency = latency(values.latency);
  if (typeof values["clock-skew"] === "string") {
    options.clockSkewMs = guard(() =>
      parseDuration(values["clock-skew"] as string, "--clock-skew"),
    );
  }
  const faults = list(values.fault);
  for (const spec of faults) guard(() => parseFaultSpec(spec));
  if (faults.length > 0) options.faults = [...(options.faults ?? []), ...faults];
  options.credentials = credentials(values, options);
  const containers = containerSpecs(list(values.container));
  const endpoints: Record<string, EndpointDefinition> = {
    ...(options.endpoints ?? demoEndpoints),
  };
  for (const [name, url] of Object.entries(containers)) endpoints[name] = containerModel(url);
  options.endpoints = endpoints;
  const cognitoPools = list(values.cognito);
  if (cognitoPools.length > 0) {
    options.cognito = {
      identityPools: Object.fromEntries(cognitoPools.map((id) => [id, {}])),
    };
  }
  return { emulator: options, containers, cognitoPools };
}

async function loadConfig(path: string): Promise<EmulatorOptions> {
  try {
    return await loadConfigFile(path);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function credentials(
  values: Record<string, unknown>,
  options: EmulatorOptions,
): EmulatorOptions["credentials"] {
  const accessKeyId = values["access-key-id"];
  const secretAccessKey = values["secret-access-key"];
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new UsageError("give --access-key-id and --secret-access-key together");
  }
  if (typeof accessKeyId === "string" && typeof secretAccessKey === "string") {
    return [{ accessKeyId, secretAccessKey }];
  }
  return options.credentials ?? [{ ...demoCredentials }];
}

function containerSpecs(specs: string[]): Record<string, string> {
  const containers: Record<string, string> = {};
  for (const spec of specs) {
    const match = /^([a-zA-Z0-9](?:-*[a-zA-Z0-9])*)=(.+)$/.exec(spec);
    const name = match?.[1] ?? "container";
    const url = match?.[2] ?? spec;
    if (!/^https?:\/\//.test(url) || !URL.canParse(url)) {
      throw new UsageError(`--container ${spec}: expected [NAME=]http://host:port`);
    }
    if (name in containers) throw new UsageError(`--container: endpoint ${name} given twice`);
    containers[name] = url;
  }
  return containers;
}

function latency(value: string): number | { min: number; max: number } {
  const match = /^(\d{1,9})(?:-(\d{1,9}))?$/.exec(value);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (match === null || max < min || max > LIMITS.delayMs) {
    throw new UsageError(`--latency must be MS or MIN-MAX (ms, MIN ≤ MAX ≤ ${LIMITS.delayMs})`);
  }
  return max === min ? min : { min, max };
}

function integer(value: unknown, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value) || Number(value) > max) {
    throw new UsageError(`${name} must be a non-negative integer up to ${max}`);
  }
  return Number(value);
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

function guard<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
