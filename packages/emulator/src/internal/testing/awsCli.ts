// Test-only: the AWS CLI (Debian's awscli, a client we did not write) against the emulator.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const AWS_CLI = "/usr/bin/aws";
const PYTHON = "/usr/bin/python3";
const INSTALL = "apt-get install -y awscli";
const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

/** Whether AWS CLI tests run: on CI they must (a missing CLI fails them), elsewhere if present. */
export const runAwsCliTests: boolean = existsSync(AWS_CLI) || ci;
if (!existsSync(AWS_CLI) && !ci) {
  console.warn(`[emulator] AWS CLI tests skipped: no ${AWS_CLI} (install: ${INSTALL}, as root)`);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliKey {
  accessKeyId: string;
  secretAccessKey: string;
}

const here = (name: string) => fileURLToPath(new URL(`./awsCli/${name}`, import.meta.url));

/**
 * A HOME for the CLI whose SageMaker Runtime model knows what the installed CLI may predate
 * (Debian's 2.9.19 has no InvokeEndpointWithResponseStream and no SessionId): `aws configure
 * add-model` with the CLI's own model plus our additions, in a temporary HOME.
 */
export async function prepareAwsCli(): Promise<AwsCli> {
  if (!existsSync(AWS_CLI)) {
    throw new Error(`CI needs the AWS CLI at ${AWS_CLI}: install it with \`${INSTALL}\``);
  }
  const home = await mkdtemp(join(tmpdir(), "sagefetch-aws-cli-"));
  const modelDir = (
    await run(PYTHON, ["-c", "import awscli,os;print(os.path.dirname(awscli.__file__))"], {})
  ).stdout.trim();
  const model = JSON.parse(
    await readFile(
      join(modelDir, "botocore/data/sagemaker-runtime/2017-05-13/service-2.json"),
      "utf8",
    ),
  );
  const additions = JSON.parse(await readFile(here("sagemaker-runtime-additions.json"), "utf8"));
  for (const [name, operation] of Object.entries(additions.operations)) {
    model.operations[name] ??= operation;
  }
  for (const [name, shape] of Object.entries(additions.shapes)) model.shapes[name] ??= shape;
  for (const [shape, members] of Object.entries(additions.members as Record<string, object>)) {
    for (const [member, header] of Object.entries(members)) {
      model.shapes[shape].members[member] ??= {
        shape: "Header",
        location: "header",
        locationName: header,
      };
    }
  }
  const modelFile = join(home, "sagemaker-runtime.json");
  await writeFile(modelFile, JSON.stringify(model));
  const added = await run(
    AWS_CLI,
    [
      "configure",
      "add-model",
      "--service-name",
      "sagemaker-runtime",
      "--service-model",
      `file://${modelFile}`,
    ],
    { HOME: home },
  );
  if (added.code !== 0) throw new Error(`aws configure add-model failed: ${added.stderr}`);
  return new AwsCli(home);
}

export class AwsCli {
  constructor(readonly home: string) {}

  /** `aws sagemaker-runtime ARGS...` with the key in the environment; one attempt unless told. */
  sagemaker(args: string[], key: CliKey, env: Record<string, string> = {}): Promise<CliResult> {
    return run(AWS_CLI, ["sagemaker-runtime", "--region", "us-east-1", ...args], {
      ...this.#env(key),
      ...env,
    });
  }

  /** InvokeEndpointWithResponseStream through the CLI's botocore: the events, or the error. */
  async stream(
    url: string,
    endpoint: string,
    body: string,
    key: CliKey,
    sessionId?: string,
  ): Promise<{ code: number; events: Record<string, string>[]; stderr: string }> {
    const args = [here("stream.py"), url, endpoint, body, ...(sessionId ? [sessionId] : [])];
    const result = await run(PYTHON, args, this.#env(key));
    const events = result.stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, string>);
    return { code: result.code, events, stderr: result.stderr };
  }

  #env(key: CliKey): Record<string, string> {
    return {
      HOME: this.home,
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_MAX_ATTEMPTS: "1",
      AWS_PAGER: "",
    };
  }
}

/** `invoke-endpoint` arguments: endpoint, JSON body as text, output file, then any extras. */
export function invokeArgs(
  url: string,
  endpoint: string,
  body: string,
  out: string,
  extra: string[] = [],
): string[] {
  return [
    "invoke-endpoint",
    "--endpoint-url",
    url,
    "--endpoint-name",
    endpoint,
    "--content-type",
    "application/json",
    "--cli-binary-format",
    "raw-in-base64-out",
    "--body",
    body,
    ...extra,
    out,
  ];
}

function run(file: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: 30_000, env: { PATH: process.env.PATH ?? "", ...env } },
      (error, stdout, stderr) => {
        // A process that ran and failed has a numeric exit code; one that could not start, none.
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
