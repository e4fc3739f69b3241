// Property tests of the NewSessionId parser (`<id>; Expires=<UTC time>`): ids and times come
// back exactly, however the value is spaced and cased; any other string gives the id before
// the first `;` or a TypeError; a value that is not a time is no expiry at all.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNewSessionId } from "../../src/sessions/parseNewSessionId";
import { RUNS } from "./arbitraries";

// Far from UTC, so that a time read as local time instead of UTC shows (CI runs in UTC).
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const savedTz = env?.TZ;
beforeAll(() => {
  if (env) env.TZ = "Pacific/Kiritimati";
});
afterAll(() => {
  if (env) env.TZ = savedTz;
});

const sessionId = fc.stringMatching(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,40}$/);
/** A time at second precision, from 1970 to 9999. */
const time = fc
  .integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 })
  .map((s) => new Date(s * 1000));
const space = fc.constantFrom("", " ", "  ", "\t");
const expiresKey = fc.constantFrom("Expires", "expires", "EXPIRES", "eXpIrEs");
const iso = (date: Date) => date.toISOString().replace(".000Z", "Z");
const httpDate = (date: Date) => date.toUTCString();

describe("parseNewSessionId, property-based", () => {
  it("gives back the id and the expiry, however it is spaced and cased", () => {
    fc.assert(
      fc.property(
        sessionId,
        time,
        fc.constantFrom(iso, httpDate),
        fc.tuple(space, space, space, space),
        expiresKey,
        fc.constantFrom([], ["Path=/"], ["HttpOnly", "Path=/x"]),
        (id, date, format, [s1, s2, s3, s4], key, others) => {
          const attributes = [...others, `${s2}${key}${s3}=${s3}${format(date)}${s4}`];
          const value = `${s1}${id}${s1}; ${attributes.join(";")}`;
          const info = parseNewSessionId(value);
          expect(info.id).toBe(id);
          expect(info.expiresAt?.getTime()).toBe(date.getTime());
        },
      ),
      RUNS,
    );
  });

  it("a time that names no zone is UTC, as the service's times are", () => {
    fc.assert(
      fc.property(sessionId, time, (id, date) => {
        const noZone = iso(date).replace("Z", "");
        expect(parseNewSessionId(`${id}; Expires=${noZone}`).expiresAt?.getTime()).toBe(
          date.getTime(),
        );
      }),
      RUNS,
    );
  });

  it("any string: the id before the first `;`, or a TypeError; never an invalid date", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (value) => {
        let info: ReturnType<typeof parseNewSessionId>;
        try {
          info = parseNewSessionId(value);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect(value.split(";")[0]?.trim()).toBe("");
          return;
        }
        expect(info.id).toBe(value.split(";")[0]?.trim());
        if (info.expiresAt) expect(Number.isNaN(info.expiresAt.getTime())).toBe(false);
      }),
      RUNS,
    );
  });

  it("an Expires that is not a time is no expiry (not a date Date.parse guesses)", () => {
    const junk = fc.oneof(
      fc.integer().map(String),
      fc
        .tuple(
          fc.constantFrom("session", "x", "never", "in", "soon"),
          fc.integer({ min: 0, max: 99 }),
        )
        .map(([word, n]) => `${word} ${n}`),
      fc
        .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
        .map(([m, d]) => `${m}/${d}`),
    );
    fc.assert(
      fc.property(sessionId, junk, (id, value) => {
        expect(parseNewSessionId(`${id}; Expires=${value}`).expiresAt).toBeUndefined();
      }),
      RUNS,
    );
  });
});
