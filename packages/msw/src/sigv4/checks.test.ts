import { describe, expect, it } from "vitest";
import { at, KEY, sign, TEMP, verify, withHeader } from "../internal/testing/verifyFixtures";

describe("verifySigV4 checks", () => {
  describe("clock skew", () => {
    it("uses AWS's text for a signature too old, with the window in minutes", async () => {
      const result = await verify(await sign(), {
        now: at("2026-11-24T12:25:00Z"),
        maxSkewMs: 15 * 60_000,
      });
      expect(result).toMatchObject({
        ok: false,
        code: "InvalidSignatureException",
        status: 403,
        message:
          "Signature expired: 20261124T120000Z is now earlier than 20261124T121000Z (20261124T122500Z - 15 min.)",
      });
    });

    it("refuses more than 5 minutes by default, in both directions", async () => {
      const request = await sign();
      expect(await verify(request, { now: at("2026-11-24T12:05:01Z") })).toMatchObject({
        message:
          "Signature expired: 20261124T120000Z is now earlier than 20261124T120001Z (20261124T120501Z - 5 min.)",
      });
      expect(await verify(request, { now: at("2026-11-24T11:50:00Z") })).toMatchObject({
        code: "InvalidSignatureException",
        message:
          "Signature not yet current: 20261124T120000Z is still later than 20261124T115500Z (20261124T115000Z + 5 min.)",
      });
    });

    it("accepts exactly 5 minutes either way", async () => {
      const request = await sign();
      expect(await verify(request, { now: at("2026-11-24T12:05:00Z") })).toMatchObject({
        ok: true,
      });
      expect(await verify(request, { now: at("2026-11-24T11:55:00Z") })).toMatchObject({
        ok: true,
      });
    });
  });

  describe("credential scope", () => {
    it("refuses another region when a region is set, and any region when none is", async () => {
      const request = await sign({ region: "eu-west-1" });
      expect(await verify(request)).toMatchObject({
        code: "InvalidSignatureException",
        message: "Credential should be scoped to a valid region.",
      });
      expect(await verify(request, { region: undefined })).toMatchObject({
        ok: true,
        region: "eu-west-1",
      });
    });

    it("refuses another service", async () => {
      expect(await verify(await sign({ service: "runtime.sagemaker" }))).toMatchObject({
        code: "InvalidSignatureException",
        message: "Credential should be scoped to correct service: 'sagemaker'.",
      });
    });

    it("refuses a scope date that is not the X-Amz-Date's day", async () => {
      const request = await sign();
      const auth = request.headers.get("authorization")?.replace("/20261124/", "/20261123/") ?? "";
      expect(await verify(withHeader(request, "authorization", auth))).toMatchObject({
        code: "InvalidSignatureException",
        message:
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261123' != '20261124', from '20261124T120000Z'.",
      });
    });
  });

  describe("headers that must be signed", () => {
    it.each([
      [
        "host",
        ["content-type", "x-amz-date"],
        KEY,
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      ],
      [
        "x-amz-date",
        ["content-type", "host"],
        KEY,
        "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
      ],
      [
        "x-amz-security-token",
        ["host", "x-amz-date"],
        TEMP,
        "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.",
      ],
    ])(
      "refuses a request whose %s is not signed",
      async (_, signedHeaders, credentials, message) => {
        const result = await verify(await sign({ signedHeaders, credentials }));
        expect(result).toMatchObject({
          ok: false,
          code: "InvalidSignatureException",
          status: 403,
          message,
        });
      },
    );

    it("refuses a change to a signed header, and ignores unsigned ones", async () => {
      const request = await sign();
      expect(await verify(withHeader(request, "content-type", "application/jsoN"))).toMatchObject({
        code: "InvalidSignatureException",
      });
      expect(await verify(withHeader(request, "x-unsigned", "anything"))).toMatchObject({
        ok: true,
      });
    });

    it("refuses a one-byte change to the body", async () => {
      const request = await sign();
      const changed = new Request(request, { body: '{"x":2}' });
      expect(await verify(changed)).toMatchObject({ code: "InvalidSignatureException" });
    });
  });
});
