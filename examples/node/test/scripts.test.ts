import { describe, expect, it } from "vitest";
import { run } from "./run";

describe("quickstart.mjs", () => {
  it("without AWS credentials, invokes and streams the emulator's chat model", async () => {
    const { code, stdout, stderr } = await run("quickstart.mjs", ["Hi from a test"], { env: {} });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(
      'invoke: [{"generated_text":"Turn 1: you said \\"Hi from a test\\"."}]\n' +
        'stream: Turn 1: you said "Hi from a test".\n',
    );
  });

  it("reports a failed call and exits 1", async () => {
    const { code, stderr } = await run("quickstart.mjs", [], { env: { ENDPOINT_NAME: "nope" } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ValidationError: Endpoint nope of account \d+ not found\.\n$/);
  });
});

describe("demo.mjs (the root README's `npm run demo`)", () => {
  it("runs to the end against the embedded mock", async () => {
    const { code, stdout, stderr } = await run("demo.mjs", [], { env: {} });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/✗ ValidationError 400: Endpoint nope/);
    expect(stdout).toMatch(/every one was SigV4-verified/);
  });
});
