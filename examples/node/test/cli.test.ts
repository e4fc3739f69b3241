import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@sagefetch/emulator";
import { demoEndpoints, type ModelFn } from "@sagefetch/msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ENV, run, runInTerminal, systemNode } from "./run";

const TICKS = 100_000;
/** Settled with how many tokens `ticker` made, once its stream has ended (finished or cancelled). */
let tickerEnded: Promise<number>;
let endTicker: (made: number) => void;

/** A model that would stream for minutes: only cancelling its answer ends it early. */
const ticker: ModelFn = () => ({
  contentType: "text/event-stream",
  stream: (async function* () {
    let made = 0;
    try {
      for (; made < TICKS; made++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield `data: {"token":{"text":"tick "}}\n\n`;
      }
    } finally {
      endTicker(made);
    }
  })(),
});

let emulator: Emulator;
let dir: string;
const env = () => ({ ...DEMO_ENV, AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: emulator.url });
const cli = (args: string[], options: Parameters<typeof run>[2] = {}) =>
  run("cli.mjs", args, { env: env(), ...options });
const lastRequest = () => emulator.mock.requests.at(-1);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, endpoints: { ...demoEndpoints, ticker } });
  dir = await mkdtemp(join(tmpdir(), "sagefetch-cli-"));
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  emulator.mock.reset();
  tickerEnded = new Promise((resolve) => {
    endTicker = resolve;
  });
});

describe("usage", () => {
  it("--help prints the usage and exits 0", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: node cli\.mjs <invoke\|stream>/);
  });

  it.each([
    [[], /Name a command/],
    [["predict", "--endpoint-name", "echo"], /Unknown command "predict"/],
    [["invoke", "--body", "{}"], /--endpoint-name is required/],
    [["invoke", "--endpoint-name", "echo", "--bogus"], /Unknown option '--bogus'/],
    [["invoke", "--endpoint-name", "echo", "--body", "1", "--body-file", "x"], /not both/],
    [["invoke", "--endpoint-name", "echo", "--body-file", "/nonexistent"], /Cannot read/],
  ])("%j exits 2 and says why", async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(emulator.mock.requests).toHaveLength(0);
  });

  it("exits 2 without credentials or region, sending nothing", async () => {
    const args = ["invoke", "--endpoint-name", "echo", "--body", "{}"];
    const noKey = await run("cli.mjs", args, { env: { AWS_REGION: "us-east-1" } });
    expect([noKey.code, noKey.stderr]).toEqual([2, expect.stringMatching(/No credentials/)]);
    const { AWS_REGION: _, ...noRegion } = env();
    const withoutRegion = await run("cli.mjs", args, { env: noRegion });
    expect([withoutRegion.code, withoutRegion.stderr]).toEqual([
      2,
      expect.stringMatching(/No region/),
    ]);
    expect(emulator.mock.requests).toHaveLength(0);
  });
});

describe("invoke", () => {
  it("prints the answer's body; the request is signed and sent as given", async () => {
    const body = JSON.stringify({ inputs: "I love this" });
    const { code, stdout, stderr } = await cli([
      "invoke",
      "--endpoint-name",
      "sentiment",
      "--body",
      body,
      "--accept",
      "application/json",
    ]);
    expect({ code, stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(stdout)).toEqual([{ label: "POSITIVE", score: expect.any(Number) }]);
    expect(stderr).toMatch(/application\/json, variant AllTraffic, request [0-9a-f-]{36}/);
    expect(lastRequest()).toMatchObject({
      operation: "InvokeEndpoint",
      endpointName: "sentiment",
      accessKeyId: "AKIDEXAMPLE",
      status: 200,
    });
    expect(lastRequest()?.headers.accept).toBe("application/json");
    expect(new TextDecoder().decode(lastRequest()?.body)).toBe(body);
  });

  it("reads the body from --body-file, from stdin, and from --body-file -", async () => {
    const file = join(dir, "rows.csv");
    await writeFile(file, "1,2,3\n9,9,9\n");
    const csv = ["invoke", "--endpoint-name", "echo", "--content-type", "text/csv"];
    const fromFile = await cli([...csv, "--body-file", file]);
    const fromStdin = await cli(csv, { input: "4,5,6\n" });
    const fromDash = await cli([...csv, "--body-file", "-"], { input: "7,8,9\n" });
    expect([fromFile.code, fromFile.stdout]).toEqual([0, "1,2,3\n9,9,9\n"]);
    expect([fromStdin.code, fromStdin.stdout]).toEqual([0, "4,5,6\n"]);
    expect([fromDash.code, fromDash.stdout]).toEqual([0, "7,8,9\n"]);
    expect(emulator.mock.requests.map((r) => r.headers["content-type"])).toEqual([
      "text/csv",
      "text/csv",
      "text/csv",
    ]);
  });

  it("exits 1 with the typed error's name: an unknown endpoint, a failing model", async () => {
    const unknown = await cli(["invoke", "--endpoint-name", "nope", "--body", "{}"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^ValidationError: Endpoint nope of account \d+ not found\./);
    const broken = await cli(["invoke", "--endpoint-name", "chat", "--body", "{not json"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^ModelError: /);
    expect(broken.stderr).toMatch(/the model answered 400: .*not valid JSON/);
    expect(unknown.stdout + broken.stdout).toBe("");
  });

  it("exits 1 when the endpoint URL does not answer", async () => {
    const closed = await closedPort();
    const { code, stderr } = await run(
      "cli.mjs",
      [
        "invoke",
        "--endpoint-name",
        "echo",
        "--body",
        "{}",
        "--endpoint-url",
        `http://127.0.0.1:${closed}`,
      ],
      { env: DEMO_ENV },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^TypeError: fetch failed\n {2}cause: .*ECONNREFUSED/);
  });
});

describe("stream", () => {
  const prompt = JSON.stringify({ inputs: "Tell me about streams" });

  it("prints the tokens, which make the model's whole answer; no progress line off a terminal", async () => {
    const whole = await cli(["invoke", "--endpoint-name", "chat", "--body", prompt]);
    const answer = JSON.parse(whole.stdout)[0].generated_text;
    const { code, stdout, stderr } = await cli([
      "stream",
      "--endpoint-name",
      "chat",
      "--body",
      prompt,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(answer);
    expect(stderr).toBe("");
    expect(lastRequest()).toMatchObject({
      operation: "InvokeEndpointWithResponseStream",
      streamedParts: answer.split(" ").length + 1, // a token per word, then </s>
    });
  });

  it("--progress draws the progress line (parts, bytes, tokens/s) and leaves a summary", async () => {
    const { code, stdout, stderr } = await cli([
      "stream",
      "--endpoint-name",
      "chat",
      "--body",
      prompt,
      "--progress",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Turn 1: /);
    const lines = stderr.split("\r\x1b[2K").filter(Boolean);
    expect(lines.length).toBeGreaterThan(5); // redrawn as parts and tokens arrive
    expect(lines[0]).toMatch(/^1 parts, \d+ B, 0 tokens, [\d.]+ tokens\/s$/);
    // The summary left at the end: every part, and a token in each but the last (</s>).
    const parts = lastRequest()?.streamedParts ?? 0;
    expect(stderr).toMatch(
      new RegExp(
        `\\r\\x1b\\[2K${parts} parts, [\\d.]+ (B|KiB), ${parts - 1} tokens, [\\d.]+ tokens/s\\n$`,
      ),
    );
  });

  it("in a terminal, the progress line is on by default and drawn below the text", async () => {
    const { code, output } = await runInTerminal(
      "cli.mjs",
      ["stream", "--endpoint-name", "chat", "--body", prompt],
      env(),
    );
    expect(code).toBe(0);
    // Drawn on the line below (save, down, clear, restore) and cleared before more text.
    expect(output).toContain("\x1b7\x1bD\r\x1b[2K\x1b[2m1 parts, ");
    expect(output).toContain("\x1b8");
    // Without the escapes and the redrawn lines: the text, then the summary on its own line.
    const text = output
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are the point
      .replace(/\x1b(\[[0-9;]*[A-Za-z]|[78DM])/g, "")
      .replace(/\r\d+ parts, [^\r\n]* tokens\/s/g, "")
      .replaceAll("\r", "");
    expect(text).toMatch(/^Turn 1: you said "Tell me about streams"\.\n\d+ parts, .* tokens\/s\n$/);
  });

  it("--raw prints the parts' text as it is", async () => {
    const { code, stdout } = await cli([
      "stream",
      "--endpoint-name",
      "echo",
      "--body",
      "héllo wörld ☕",
    ]);
    expect([code, stdout]).toEqual([0, "héllo wörld ☕"]);
    const sse = await cli(["stream", "--endpoint-name", "chat", "--body", prompt, "--raw"]);
    expect(sse.stdout).toMatch(/^data: \{"token":\{"id":\d+,"text":"Turn"/);
  });

  it("exits 1 with the typed error's name", async () => {
    const { code, stderr } = await cli(["stream", "--endpoint-name", "nope", "--body", "{}"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ValidationError: /);
  });

  it("Ctrl-C stops the stream and the request: exit 130", async () => {
    const { code, stdout, stderr } = await cli(
      ["stream", "--endpoint-name", "ticker", "--body", "{}"],
      {
        onFirstOutput: (child) => child.kill("SIGINT"),
      },
    );
    expect(code).toBe(130);
    expect(stdout).toMatch(/^(tick )+$/);
    expect(stderr).toBe("Interrupted.\n");
    // The model's stream was cancelled from the CLI's side, long before its end.
    expect(await tickerEnded).toBeLessThan(TICKS);
    expect(lastRequest()?.streamedParts).toBeLessThan(TICKS);
  });
});

describe("--emulator", () => {
  it("runs self-contained: an in-process emulator and its demo key", async () => {
    const { code, stdout, stderr } = await run(
      "cli.mjs",
      ["stream", "--emulator", "--endpoint-name", "chat", "--body", '{"inputs":"hi"}'],
      { env: {} },
    );
    expect(code).toBe(0);
    expect(stdout).toBe('Turn 1: you said "hi".');
    expect(stderr).toMatch(/^emulator: http:\/\/127\.0\.0\.1:\d+ /);
  });

  it("refuses --endpoint-url with it", async () => {
    const args = ["invoke", "--emulator", "--endpoint-url", "http://x", "--endpoint-name", "echo"];
    expect((await cli(args)).code).toBe(2);
  });
});

describe("on the machine's own Node", () => {
  it("invokes and streams (the oldest Node we support, 20, where that is the system's)", async () => {
    const node = systemNode();
    const body = JSON.stringify({ inputs: "from Node 20" });
    const invoked = await cli(["invoke", "--endpoint-name", "chat", "--body", body], { node });
    const streamed = await cli(["stream", "--endpoint-name", "chat", "--body", body], { node });
    expect([invoked.code, invoked.stderr]).toEqual([0, expect.any(String)]);
    expect(JSON.parse(invoked.stdout)[0].generated_text).toBe(streamed.stdout);
    expect(streamed.code).toBe(0);
  });
});

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}
