// Setup file of every core test project (node, chromium, workerd, edge): a secrets guard over
// the whole suite. For every call a test makes through `SageMakerRuntimeClient.send`, it notes
// the sensitive values in play (the access key secret and session token the client signs with,
// the input's Body and CustomAttributes), and fails the test if one of them shows in:
// - the error `send` rejects with, or a response stream's loop throws (message, toString(),
//   JSON, stack, fields, cause chain);
// - a line the client gives its logger;
// - anything written with console.* during the test.
// It also fails a test in which a SageMaker bearer token (made by createBearerToken or a token
// source, recognizable by its form) shows in a checked error, log line or console output.
// It reads two of the client's private fields (`credentials`, `resolved`): if they are ever
// renamed, it fails loudly rather than stop looking.
import { afterEach } from "vitest";
import { type AwsCredentialIdentity, SageMakerRuntimeClient } from "../../src/index";
import { bearerTokenLeaks, leaks } from "./scan";

const GUARDED = Symbol.for("sagefetch.test.secretsGuard");

/**
 * Sensitive values seen in this test file, with what they are, and what was found where. Kept
 * on the global: a browser test that imports this module by its own URL gets a second instance
 * of it, which must see (and clear) the same findings.
 */
interface GuardState {
  secrets: Map<string, string>;
  found: string[];
  /** Where console output goes instead of the console while a test captures it. */
  captured: unknown[][] | undefined;
}
const shared = globalThis as { [GUARDED]?: GuardState };
shared[GUARDED] ??= { secrets: new Map(), found: [], captured: undefined };
const state = shared[GUARDED];
const { secrets, found } = state;
/** Values too short or too plain to be told apart from ordinary text are not tracked. */
const MIN_LENGTH = 8;

function note(value: unknown, name: string): void {
  let text: string | undefined;
  if (typeof value === "string") text = value;
  else if (value instanceof Uint8Array) text = new TextDecoder().decode(value.subarray(0, 4096));
  if (text === undefined || text.length < MIN_LENGTH || new Set(text).size < 4) return;
  // A 6 MiB body is noted by its start: a leak would show that much of it anyway.
  secrets.set(text.slice(0, 256), name);
}

function check(value: unknown, where: string): void {
  if (secrets.size > 0) found.push(...leaks(value, secrets, where));
  found.push(...bearerTokenLeaks(value, where));
}

type Internals = {
  credentials?: (...args: unknown[]) => Promise<AwsCredentialIdentity>;
  resolved?: { logger?: Record<string, (...args: unknown[]) => void> };
  [GUARDED]?: true;
};

/** Watches what one client signs with and logs, once. */
function guardClient(client: SageMakerRuntimeClient): void {
  const internals = client as unknown as Internals;
  if (internals[GUARDED]) return;
  const { credentials, resolved } = internals;
  if (typeof credentials !== "function" || typeof resolved !== "object") {
    throw new Error(
      "test/secrets/guard.setup.ts: SageMakerRuntimeClient no longer has the private fields `credentials` and `resolved` this guard watches; update the guard.",
    );
  }
  internals[GUARDED] = true;
  internals.credentials = async (...args: unknown[]) => {
    const given = await credentials.apply(client, args);
    note(given?.secretAccessKey, "secretAccessKey");
    note(given?.sessionToken, "sessionToken");
    return given;
  };
  const logger = resolved.logger;
  if (logger) {
    const levels = ["debug", "info", "warn", "error"] as const;
    resolved.logger = Object.fromEntries(
      levels.map((level) => [
        level,
        (...content: unknown[]) => {
          check(content, `logger.${level}`);
          logger[level]?.(...content);
        },
      ]),
    );
  }
}

/** A response stream whose loop's errors are checked too. */
async function* checkedStream<T>(body: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  try {
    yield* body;
  } catch (error) {
    check(error, "stream error");
    throw error;
  }
}

/** `send`, guarded once per copy of the class (a second instance of this module finds it so). */
type Guarded<T> = T & { [GUARDED]?: true };
const send: Guarded<SageMakerRuntimeClient["send"]> = SageMakerRuntimeClient.prototype.send;
const guardedSend = async function guardedSend(this: SageMakerRuntimeClient, command, options) {
  guardClient(this);
  const given = this.config.credentials;
  if (given && typeof given === "object") {
    note(given.secretAccessKey, "secretAccessKey");
    note(given.sessionToken, "sessionToken");
  }
  const input = command.input as { Body?: unknown; CustomAttributes?: unknown } | undefined;
  note(input?.Body, "Body");
  note(input?.CustomAttributes, "CustomAttributes");
  try {
    const output = await send.call(this, command, options);
    const body = (output as { Body?: unknown }).Body;
    if (body && typeof body === "object" && Symbol.asyncIterator in body) {
      (output as unknown as { Body: unknown }).Body = checkedStream(body as AsyncIterable<unknown>);
    }
    return output;
  } catch (error) {
    check(error, "error");
    throw error;
  }
} as Guarded<typeof send>;
guardedSend[GUARDED] = true;
if (!send[GUARDED]) SageMakerRuntimeClient.prototype.send = guardedSend;

for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
  const original = console[level] as Guarded<(...content: unknown[]) => void>;
  if (original[GUARDED]) continue;
  const guarded: Guarded<typeof original> = (...content: unknown[]) => {
    check(content, `console.${level}`);
    if (state.captured) state.captured.push([level, ...content]);
    else original.apply(console, content);
  };
  guarded[GUARDED] = true;
  console[level] = guarded;
}

/**
 * Runs `write` with the console's output kept from the console (still checked by the guard), and
 * returns it, a `[level, ...content]` per call: for tests that write to the console on purpose.
 */
export function captureConsole(write: () => void): unknown[][] {
  const captured: unknown[][] = [];
  state.captured = captured;
  try {
    write();
  } finally {
    state.captured = undefined;
  }
  return captured;
}

/** What the guard found in the current test, cleared (for its own tests). */
export function takeFindings(): string[] {
  return found.splice(0);
}

afterEach(() => {
  if (found.length === 0) return;
  const report = [...new Set(found)];
  found.length = 0;
  throw new Error(`Sensitive values leaked (secrets guard):\n  ${report.join("\n  ")}`);
});
