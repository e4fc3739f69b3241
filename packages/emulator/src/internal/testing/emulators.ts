// Test-only: emulators for one test file, each on a free port and closed after the test that
// started it.
import { afterEach } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../index";

/** Call at the top of a test file: returns how its tests start an emulator. */
export function emulatorsClosedAfterEach(): (options?: EmulatorOptions) => Promise<Emulator> {
  const started: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((emulator) => emulator.close()));
  });
  return async (options = {}) => {
    const emulator = await startEmulator({ port: 0, ...options });
    started.push(emulator);
    return emulator;
  };
}
