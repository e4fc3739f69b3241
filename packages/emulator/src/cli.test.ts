import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoCredentials } from "@sagefetch/msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AwsCli, invokeArgs, prepareAwsCli, runAwsCliTests } from "./internal/testing/awsCli";
import { signedInvoke } from "./internal/testing/signedInvoke";

// The built bin (`pnpm build` first; turbo's test task depends on build) and the AWS CLI, a
// client we did not write, against the emulator over real HTTP.

const bin = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

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
      timeout: 30_000,
    })
    .toBe(true);
  const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
  if (url === undefined) throw new Error(`the emulator did not start:\n${stdout}\n${stderr}`);
  return { child, url, output: () => stdout + stderr, exited };
}

let dir: string;
let cli: AwsCli | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sagefetch-emulator-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (cli) await rm(cli.home, { recursive: true, force: true });
});

/** The AWS CLI, prepared once for the tests that use it. */
async function awsCli(): Promise<AwsCli> {
  cli ??= await prepareAwsCli();
  return cli;
}

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

  it.each([
    ["a config file with throttle:99999999999999999999", "config", 'faults[0]: fault "throttle'],
    ["--fault drop:20000000", ["--fault", "drop:20000000"], 'fault "drop:20000000"'],
    ["--latency 1-999999999", ["--latency", "1-999999999"], "--latency must be"],
    ["--clock-skew 99999999h", ["--clock-skew", "99999999h"], "--clock-skew must be within"],
    ["--seed 99999999999", ["--seed", "99999999999"], "--seed must be"],
    ["a short --control-token", ["--control-token", "short"], "--control-token must be"],
  ])("refuses %s with exit code 2 and the usage, before listening", async (_, args, message) => {
    const config = join(dir, "huge-throttle.json");
    await writeFile(config, JSON.stringify({ faults: ["throttle:99999999999999999999"] }));
    const child = spawn(
      process.execPath,
      [bin, "--port", "0", ...(args === "config" ? ["--config", config] : args)],
      { env: { PATH: process.env.PATH } },
    );
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    expect(exit).toEqual({ code: 2, signal: null });
    expect(output).toContain(message);
    expect(output).toContain("Usage: sagefetch-emulator");
    expect(output).not.toContain("listening on");
  });

  it("takes its control token from the environment, and never prints it", async () => {
    const token = "env-token-0123456789abcdef";
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
    const child = spawn(process.execPath, [bin, "--port", "0"], {
      env: { PATH: process.env.PATH, SAGEFETCH_EMULATOR_CONTROL_TOKEN: token },
    });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    try {
      await expect.poll(() => /listening on (http:\/\/\S+)/.exec(stdout)?.[1]).toBeDefined();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      const reset = (authorization?: string) =>
        fetch(`${url}/_emulator/reset`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(authorization ? { authorization } : {}),
          },
          body: "{}",
        });
      expect((await reset()).status).toBe(401);
      expect((await reset(`Bearer ${token}`)).status).toBe(204);
      expect(stdout).toContain("token required");
      expect(stdout).not.toContain(token);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it.runIf(runAwsCliTests)(
    "serves the AWS CLI with the key given on the command line, and never logs the secret",
    async () => {
      const cli = await awsCli();
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
        const ok = await cli.sagemaker(
          invokeArgs(emulator.url, "echo", '{"hello":"cli"}', out),
          key,
        );
        expect(ok.stderr).toBe("");
        expect(ok.code).toBe(0);
        expect(await readFile(out, "utf8")).toBe('{"hello":"cli"}');
        // The demo key is not accepted when another is given.
        const refused = await cli.sagemaker(
          invokeArgs(emulator.url, "echo", "{}", out),
          demoCredentials,
        );
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
    30_000,
  );

  it("reads a config file, queues --fault, and serves the control API", async () => {
    const config = join(dir, "emulator.json");
    await writeFile(
      config,
      JSON.stringify({
        endpoints: { fixed: { response: { body: { answer: 42 } } } },
        faults: ["status:503"],
      }),
    );
    const emulator = await spawnBin(["--port", "0", "--config", config, "--fault", "throttle"]);
    try {
      expect(emulator.output()).toMatch(/endpoints: .*\bfixed\b/);
      expect(emulator.output()).toContain("faults queued: status:503 throttle");
      const call = async () =>
        fetch(await signedInvoke("fixed", { baseUrl: emulator.url, date: new Date() }));
      expect((await call()).status).toBe(503);
      expect((await call()).headers.get("x-amzn-errortype")).toMatch(/^ThrottlingException/);
      expect(await (await call()).json()).toEqual({ answer: 42 });
      const control = `${emulator.url}/_emulator`;
      await fetch(`${control}/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '["status:500"]',
      });
      expect((await call()).status).toBe(500);
      const requests = (await (await fetch(`${control}/requests`)).json()) as { status: number }[];
      expect(requests.map((request) => request.status)).toEqual([503, 400, 200, 500]);
    } finally {
      emulator.child.kill("SIGTERM");
    }
    expect((await emulator.exited).code).toBe(0);
  });

  it("forwards --container endpoints to a model container and reports its health", async () => {
    const seen: string[] = [];
    const container = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      if (request.url === "/ping") {
        response.writeHead(200).end();
        return;
      }
      void (async () => {
        let body = "";
        for await (const chunk of request) body += new TextDecoder().decode(chunk);
        response
          .writeHead(200, {
            "content-type": "application/json",
            "x-amzn-sagemaker-custom-attributes": `seen=${String(request.headers["x-amzn-sagemaker-custom-attributes"])}`,
          })
          .end(JSON.stringify({ container: body }));
      })();
    });
    await new Promise<void>((resolve) => container.listen(0, "127.0.0.1", resolve));
    const address = container.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    const emulator = await spawnBin(["--port", "0", "--container", `llm=http://127.0.0.1:${port}`]);
    try {
      await expect
        .poll(() => emulator.output())
        .toContain(`container llm → http://127.0.0.1:${port}: healthy`);
      const response = await fetch(
        await signedInvoke("llm", {
          baseUrl: emulator.url,
          date: new Date(),
          body: '{"q":1}',
          headers: { "x-amzn-sagemaker-custom-attributes": "trace=3" },
        }),
      );
      expect(await response.json()).toEqual({ container: '{"q":1}' });
      expect(response.headers.get("x-amzn-sagemaker-custom-attributes")).toBe("seen=trace=3");
      expect(seen).toEqual(["GET /ping", "POST /invocations"]);
    } finally {
      emulator.child.kill("SIGTERM");
      container.close();
    }
    expect((await emulator.exited).code).toBe(0);
  });

  it("skews its clock, serves Cognito, and refuses a bad fault with exit code 2", async () => {
    const pool = "us-east-1:00000000-0000-4000-8000-000000000002";
    const emulator = await spawnBin(["--port", "0", "--clock-skew=-2h", "--cognito", pool]);
    try {
      expect(emulator.output()).toContain(
        `cognito identity: ${emulator.url}/cognito-identity (pools ${pool})`,
      );
      const response = await fetch(
        await signedInvoke("echo", { baseUrl: emulator.url, date: new Date() }),
      );
      expect(response.status).toBe(403);
      expect(Date.now() - Date.parse(response.headers.get("date") ?? "")).toBeGreaterThan(
        110 * 60_000,
      );
    } finally {
      emulator.child.kill("SIGTERM");
    }
    const bad = spawn(process.execPath, [bin, "--port", "0", "--fault", "explode"], {
      env: { PATH: process.env.PATH },
    });
    let stderr = "";
    bad.stderr.setEncoding("utf8");
    bad.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    expect(await new Promise((resolve) => bad.once("exit", resolve))).toBe(2);
    expect(stderr).toContain('fault "explode": unknown fault');
  });
});
