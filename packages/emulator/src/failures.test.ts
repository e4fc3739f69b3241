import { connect } from "node:net";
import { CredentialStore, demoCredentials } from "@sagefetch/msw";
import { describe, expect, it } from "vitest";
import type { Emulator, EmulatorOptions } from "./index";
import { emulatorsClosedAfterEach } from "./internal/testing/emulators";
import { STREAM_ACTION, signedInvoke } from "./internal/testing/signedInvoke";

// A call the emulator cannot answer ends in the service's error shape, or in a log line that
// says why there was no answer: never a silent dropped connection.

const startTestEmulator = emulatorsClosedAfterEach();

async function emulatorWith(
  options: EmulatorOptions,
): Promise<{ emulator: Emulator; lines: string[] }> {
  const lines: string[] = [];
  const emulator = await startTestEmulator({ log: (line) => lines.push(line), ...options });
  return { emulator, lines };
}

/** A credential store whose lookup fails: the mock itself throws while handling a request. */
class FailingStore extends CredentialStore {
  override get(): never {
    throw new TypeError("lookup failed for SECRET-IN-MESSAGE");
  }
}

describe("what the emulator cannot answer", () => {
  it("a failure inside the mock is answered 500 InternalFailure, and logged by name only", async () => {
    const { emulator, lines } = await emulatorWith({ credentials: new FailingStore() });
    const answer = await fetch(
      await signedInvoke("echo", { baseUrl: emulator.url, date: new Date() }),
    );
    expect(answer.status).toBe(500);
    expect(answer.headers.get("x-amzn-errortype")).toMatch(/^InternalFailure:/);
    expect(answer.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(await answer.json()).toEqual({ Message: expect.stringContaining("log") });
    await expect
      .poll(() => lines.at(-1))
      .toMatch(/^POST \/endpoints\/echo\/invocations 500 \d+ms echo \(failed: TypeError\)$/);
    expect(lines.join("\n")).not.toContain("SECRET-IN-MESSAGE");
  });

  it("a dropped connection (the drop fault) is logged with why", async () => {
    const { emulator, lines } = await emulatorWith({
      credentials: [demoCredentials],
      faults: ["drop"],
    });
    await expect(
      fetch(await signedInvoke("echo", { baseUrl: emulator.url, date: new Date() })),
    ).rejects.toThrow();
    await expect
      .poll(() => lines.at(-1))
      .toMatch(/^POST \/endpoints\/echo\/invocations 0 \d+ms echo \(dropped: .+\)$/);
  });

  it("a stream cut mid-answer is logged with why", async () => {
    const { emulator, lines } = await emulatorWith({ faults: ["cut-stream:1"] });
    const answer = await fetch(
      await signedInvoke("echo", {
        baseUrl: emulator.url,
        date: new Date(),
        action: STREAM_ACTION,
        body: "abcdef",
      }),
    );
    await expect(answer.arrayBuffer()).rejects.toThrow();
    await expect.poll(() => lines.at(-1)).toMatch(/ 200 \d+ms echo \(cut mid-answer: \w+\)$/);
  });

  it("a request Node cannot parse gets 400 and a log line", async () => {
    const { emulator, lines } = await emulatorWith({});
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(emulator.port, "127.0.0.1", () =>
        socket.write("NOT HTTP AT ALL\r\n\r\n"),
      );
      let text = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        text += chunk;
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    await expect.poll(() => lines.at(-1)).toMatch(/^- - 400 0ms - \(malformed request: HPE_\w+\)$/);
  });
});
