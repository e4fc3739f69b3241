import { describe, expect, it } from "vitest";
import { isNewOffset, offsetFromDateHeader, offsetFromErrorMessage } from "./clockSkew";

const at = (iso: string) => Date.parse(iso);

describe("offsetFromDateHeader", () => {
  it("is the server's Date minus the midpoint of send and receive", () => {
    const headers = new Headers({ date: "Tue, 24 Nov 2026 12:15:00 GMT" });
    expect(
      offsetFromDateHeader(headers, at("2026-11-24T12:00:00Z"), at("2026-11-24T12:00:02Z")),
    ).toBe(15 * 60_000 - 1000);
  });

  it("ignores cached answers, slow round trips and unreadable dates", () => {
    const sent = at("2026-11-24T12:00:00Z");
    expect(
      offsetFromDateHeader(
        new Headers({ date: "Tue, 24 Nov 2026 13:00:00 GMT", age: "10" }),
        sent,
        sent,
      ),
    ).toBeUndefined();
    expect(
      offsetFromDateHeader(
        new Headers({ date: "Tue, 24 Nov 2026 13:00:00 GMT" }),
        sent,
        sent + 16 * 60_000,
      ),
    ).toBeUndefined();
    expect(
      offsetFromDateHeader(new Headers({ date: "yesterday-ish" }), sent, sent),
    ).toBeUndefined();
    expect(offsetFromDateHeader(new Headers(), sent, sent)).toBeUndefined();
  });
});

describe("offsetFromErrorMessage", () => {
  it("reads the server's clock from a 'Signature expired' message", () => {
    const message =
      "Signature expired: 20261124T120000Z is now earlier than 20261124T121000Z (20261124T122500Z - 15 min.)";
    expect(offsetFromErrorMessage(message, at("2026-11-24T12:00:00Z"))).toBe(25 * 60_000);
  });

  it("reads it from a 'not yet current' message (a clock ahead of the server)", () => {
    const message =
      "Signature not yet current: 20261124T150000Z is still later than 20261124T121500Z (20261124T120000Z + 15 min.)";
    expect(offsetFromErrorMessage(message, at("2026-11-24T15:00:00Z"))).toBe(-3 * 3600_000);
  });

  it("gives nothing for other messages", () => {
    expect(
      offsetFromErrorMessage("The request signature we calculated does not match", 0),
    ).toBeUndefined();
  });
});

describe("isNewOffset", () => {
  it("takes a sample only when it moves the offset by 4 minutes or more", () => {
    expect(isNewOffset(0, 3 * 60_000)).toBe(false);
    expect(isNewOffset(0, 4 * 60_000)).toBe(true);
    expect(isNewOffset(15 * 60_000, 15 * 60_000 + 1000)).toBe(false);
    expect(isNewOffset(15 * 60_000, 0)).toBe(true);
    expect(isNewOffset(0, undefined)).toBe(false);
  });
});
