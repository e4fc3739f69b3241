import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCredentials } from "../index";
import { type Emulator, startEmulator } from "./index";

// The built bin (`pnpm build` first; turbo's test task depends on build) and the AWS CLI, a
// client we did not write, against the emulator over real HTTP.

const bin = fileURLToPath(new URL("../../dist/emulator.js", import.meta.url));
const awsCli = "/usr/bin/aws";
const installAwsCli = "apt-get install -y awscli";
const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
const hasAwsCli = existsSync(awsCli);
if (!hasAwsCli && !ci) {
  console.warn(
    `[emulator] AWS CLI tests skipped: no ${awsCli} (install: ${installAwsCli}, as root)`,
  );
}

interface Spawned {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/** Starts `node dist/emulator.js …` and waits for the line with its URL. */
async function spawnBin(args: string[]): Promise<Spawned> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
  const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH } });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  await expect
    .poll(() => /listening on (http:\/\/\S+)/.test(stdout) || child.exitCode !== null, {
      timeout: 10_000,
    })
    .toBe(true);
  const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
  if (url === undefined) throw new Error(`the emulator did not start:\n${stdout}\n${stderr}`);
  return { child, url, output: () => stdout + stderr, exited };
}

function aws(args: string[], credentials: { accessKeyId: string; secretAccessKey: string }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      awsCli,
      args,
      {
        timeout: 30_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_CONFIG_FILE: "/dev/null",
          AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
          AWS_EC2_METADATA_DISABLED: "true",
          AWS_MAX_ATTEMPTS: "1",
          AWS_PAGER: "",
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const invokeArgs = (url: string, endpoint: string, body: string, out: string) => [
  "sagemaker-runtime",
  "invoke-endpoint",
  "--endpoint-url",
  url,
  "--region",
  "us-east-1",
  "--endpoint-name",
  endpoint,
  "--content-type",
  "application/json",
  "--cli-binary-format",
  "raw-in-base64-out",
  "--body",
  body,
  out,
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sagefetch-emulator-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sagefetch-emulator (the built bin)", () => {
  it("prints its URL, answers /ping, logs requests, and exits 0 on SIGTERM", async () => {
    const emulator = await spawnBin(["--port", "0"]);
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ping = await fetch(`${emulator.url}/ping`);
      expect(ping.status).toBe(200);
      await expect.poll(() => emulator.output()).toMatch(/^GET \/ping 200 \d+ms -$/m);
    } finally {
      emulator.child.kill("SIGTERM");
    }
    expect(await emulator.exited).toEqual({ code: 0, signal: null });
    expect(emulator.output()).toContain("sagefetch-emulator stopped");
  });

  it("exits 0 on SIGINT too", async () => {
    const emulator = await spawnBin(["--port", "0"]);
    emulator.child.kill("SIGINT");
    expect(await emulator.exited).toEqual({ code: 0, signal: null });
  });

  it("refuses bad options with exit code 2", async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
    const child = spawn(process.execPath, [bin, "--port", "http"], {
      env: { PATH: process.env.PATH },
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exit = await new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    expect(exit).toBe(2);
    expect(stderr).toContain("--port must be a non-negative integer");
  });

  it.runIf(hasAwsCli || ci)(
    "serves the AWS CLI with the key given on the command line, and never logs the secret",
    async () => {
      if (!hasAwsCli) {
        throw new Error(`CI needs the AWS CLI at ${awsCli}: install it with \`${installAwsCli}\``);
      }
      const key = { accessKeyId: "AKIDCUSTOMKEY", secretAccessKey: "custom/Secret+Key0123456789" };
      const emulator = await spawnBin([
        "--port",
        "0",
        "--access-key-id",
        key.accessKeyId,
        "--secret-access-key",
        key.secretAccessKey,
      ]);
      try {
        const out = join(dir, "bin-echo.json");
        const ok = await aws(invokeArgs(emulator.url, "echo", '{"hello":"cli"}', out), key);
        expect(ok.stderr).toBe("");
        expect(ok.code).toBe(0);
        expect(await readFile(out, "utf8")).toBe('{"hello":"cli"}');
        // The demo key is not accepted when another is given.
        const refused = await aws(invokeArgs(emulator.url, "echo", "{}", out), demoCredentials);
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toContain("UnrecognizedClientException");
        await expect
          .poll(() => emulator.output())
          .toMatch(/^POST \/endpoints\/echo\/invocations 403 \d+ms echo$/m);
        expect(emulator.output()).toMatch(/^POST \/endpoints\/echo\/invocations 200 \d+ms echo$/m);
        expect(emulator.output()).not.toContain(key.secretAccessKey);
        expect(emulator.output()).not.toContain(demoCredentials.secretAccessKey);
        expect(emulator.output()).not.toContain("Signature=");
      } finally {
        emulator.child.kill("SIGTERM");
      }
      expect((await emulator.exited).code).toBe(0);
    },
  );
});

describe.runIf(hasAwsCli || ci)("the AWS CLI against startEmulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    if (!hasAwsCli) {
      throw new Error(`CI needs the AWS CLI at ${awsCli}: install it with \`${installAwsCli}\``);
    }
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator?.close());

  it("invoke-endpoint on echo and sentiment", async () => {
    const echoOut = join(dir, "echo.json");
    const echo = await aws(
      invokeArgs(emulator.url, "echo", '{"a":[1,2]}', echoOut),
      demoCredentials,
    );
    expect(echo.code).toBe(0);
    expect(JSON.parse(echo.stdout)).toEqual({
      ContentType: "application/json",
      InvokedProductionVariant: "AllTraffic",
    });
    expect(await readFile(echoOut, "utf8")).toBe('{"a":[1,2]}');
    const sentimentOut = join(dir, "sentiment.json");
    const sentiment = await aws(
      invokeArgs(emulator.url, "sentiment", '{"inputs":"this is terrible"}', sentimentOut),
      demoCredentials,
    );
    expect(sentiment.code).toBe(0);
    expect(JSON.parse(await readFile(sentimentOut, "utf8"))).toEqual([
      { label: "NEGATIVE", score: 0.8333 },
    ]);
  });

  it("a ModelError and an unknown endpoint come back as the service's errors", async () => {
    const out = join(dir, "error.json");
    const modelError = await aws(
      invokeArgs(emulator.url, "sentiment", '{"inputs":42}', out),
      demoCredentials,
    );
    expect(modelError.code).not.toBe(0);
    expect(modelError.stderr).toContain("(ModelError) when calling the InvokeEndpoint operation");
    const unknown = await aws(invokeArgs(emulator.url, "missing", "{}", out), demoCredentials);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("(ValidationError)");
  });
});
