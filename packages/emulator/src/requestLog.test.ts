import { describe, expect, it } from "vitest";
import type { Emulator } from "./index";
import { emulatorsClosedAfterEach } from "./internal/testing/emulators";
import { signedInvoke } from "./internal/testing/signedInvoke";

// The request log keeps a slice of each body and a bounded number of bytes in all, so that
// large uploads do not stay in memory for good.

const emulatorWith = emulatorsClosedAfterEach();

const MiB = 1024 * 1024;
const bodyBytes = (emulator: Emulator) =>
  emulator.mock.requests.reduce((sum, request) => sum + request.body.byteLength, 0);

describe("the request log's bodies", () => {
  it("keeps the first 64 KiB of each of three 48 MiB bodies", async () => {
    const emulator = await emulatorWith({});
    const body = new Uint8Array(48 * MiB).fill(0x61);
    // Signed once (hashing 48 MiB in JavaScript is slow), then sent three times back to back.
    const signed = await signedInvoke("echo", { baseUrl: emulator.url, date: new Date(), body });
    for (let i = 0; i < 3; i++) {
      const answer = await fetch(signed.clone());
      await answer.arrayBuffer();
    }
    await expect.poll(() => emulator.mock.requests.length).toBe(3);
    await expect.poll(() => bodyBytes(emulator)).toBe(3 * 64 * 1024);
    for (const request of emulator.mock.requests) {
      expect(request.body.byteLength).toBe(64 * 1024);
      // A copy: the 48 MiB buffer behind it can be freed.
      expect(request.body.buffer.byteLength).toBe(64 * 1024);
    }
  });

  it("drops the oldest requests beyond maxRequestLogBytes", async () => {
    const emulator = await emulatorWith({ maxLoggedBodyBytes: 1_000, maxRequestLogBytes: 2_500 });
    for (const fill of ["1", "2", "3", "4"]) {
      const body = fill.repeat(5_000);
      await (
        await fetch(await signedInvoke("echo", { baseUrl: emulator.url, date: new Date(), body }))
      ).text();
    }
    await expect.poll(() => emulator.mock.requests.length).toBe(2);
    expect(bodyBytes(emulator)).toBe(2_000);
    expect(emulator.mock.requests.map((r) => new TextDecoder().decode(r.body.slice(0, 1)))).toEqual(
      ["3", "4"],
    );
  });

  it("counts from zero again after a reset", async () => {
    const emulator = await emulatorWith({ maxLoggedBodyBytes: 1_000, maxRequestLogBytes: 2_500 });
    const send = async (body: string) =>
      (
        await fetch(await signedInvoke("echo", { baseUrl: emulator.url, date: new Date(), body }))
      ).text();
    await send("a".repeat(1_000));
    await send("b".repeat(1_000));
    emulator.reset();
    await send("c".repeat(1_000));
    await send("d".repeat(1_000));
    await expect.poll(() => emulator.mock.requests.length).toBe(2);
  });
});
