// The official AWS SigV4 test suite (packages/testing/vectors/sigv4, Apache-2.0), replayed
// as fetch Requests against the verifier.

import vectors from "@vectors/sigv4/index.json";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../internal/crypto";
import { verifySigV4 } from "./index";
import type { SecretCredentials, VerifyOptions } from "./types";

interface SuiteCase {
  name: string;
  request: { method: string; uri: string; headers: [string, string][]; body: string };
  creq: string;
  sts: string;
  authz: string;
}

interface Suite {
  config: { service: string; region: string; accessKeyId: string; secretAccessKey: string };
  stsToken: string;
  tests: { all: SuiteCase[] };
}

const suite = vectors as Suite;
const { config, stsToken } = suite;
const cases = suite.tests.all;
const NOW = new Date("2015-08-30T12:36:00Z");

/**
 * A fetch Headers merges repeated header lines into one value joined with ", ", which
 * SigV4 would have joined with ","; cases that repeat a header cannot be sent by fetch.
 */
function isRepresentable(testCase: SuiteCase): boolean {
  const names = testCase.request.headers.map(([name]) => name.toLowerCase());
  return new Set(names).size === names.length;
}

/**
 * Files of the original suite that disagree with each other: this case's .sts (and so its
 * .authz) was computed from another request (`charset=utf8`, no content-length), while its
 * .creq and SignedHeaders describe the request as written. No verifier can accept it; we
 * check that we build its .creq.
 */
const INCONSISTENT = ["post-x-www-form-urlencoded-parameters"];

const representable = cases.filter(isRepresentable);
const skipped = cases.filter((c) => !isRepresentable(c)).map((c) => c.name);

interface Tamper {
  body?: string;
  header?: [string, string];
  authorization?: string;
}

function toRequest(testCase: SuiteCase, tamper: Tamper = {}): Request {
  const { request } = testCase;
  const headers = new Headers();
  let host = "";
  for (const [name, value] of request.headers) {
    // Host and Content-Length are left to fetch, as a browser would: the verifier must
    // rebuild them from the URL and the body.
    if (name.toLowerCase() === "host") host = value;
    else if (name.toLowerCase() !== "content-length") headers.set(name, value);
  }
  if (testCase.name === "post-sts-header-after") headers.set("X-Amz-Security-Token", stsToken);
  headers.set("Authorization", tamper.authorization ?? testCase.authz);
  if (tamper.header) headers.set(tamper.header[0], tamper.header[1]);
  const body = tamper.body ?? request.body;
  return new Request(`https://${host}${request.uri}`, {
    method: request.method,
    headers,
    body: request.method === "GET" ? null : body,
  });
}

function options(secret: Partial<SecretCredentials> = {}, extra: Partial<VerifyOptions> = {}) {
  const sessionToken = secret.sessionToken;
  return {
    credentials: {
      [config.accessKeyId]: { secretAccessKey: config.secretAccessKey, ...secret, sessionToken },
    },
    service: config.service,
    region: config.region,
    now: NOW,
    ...extra,
  } satisfies VerifyOptions;
}

function credentialsFor(testCase: SuiteCase): Partial<SecretCredentials> {
  return testCase.name.startsWith("post-sts") ? { sessionToken: stsToken } : {};
}

/** Changes one character: the last one (or adds one to an empty string). */
function oneByteOff(value: string): string {
  if (value === "") return "x";
  const last = value.charCodeAt(value.length - 1);
  return value.slice(0, -1) + String.fromCharCode(last === 0x30 ? 0x31 : last - 1);
}

describe("AWS SigV4 test suite", () => {
  it("skips only the cases fetch cannot express (repeated header lines)", () => {
    expect(skipped).toEqual(["get-header-key-duplicate", "get-header-value-order"]);
    expect(representable.length).toBe(26);
  });

  describe.each(representable.map((c) => [c.name, c] as const))("%s", (name, testCase) => {
    const creds = credentialsFor(testCase);
    const lenient = name === "post-sts-header-after" ? { requireSignedSecurityToken: false } : {};

    const inconsistent = INCONSISTENT.includes(name);
    const title = inconsistent
      ? "is refused: its .authz was computed for another request"
      : "verifies with the suite's credentials and date";
    it(title, async () => {
      const result = await verifySigV4(toRequest(testCase), options(creds, lenient));
      if (inconsistent) {
        expect(result).toMatchObject({ ok: false, code: "InvalidSignatureException" });
        return;
      }
      expect(result).toMatchObject({
        ok: true,
        accessKeyId: config.accessKeyId,
        region: config.region,
        service: config.service,
        amzDate: "20150830T123600Z",
      });
    });

    it("builds the suite's canonical request and string to sign", async () => {
      const wrongSecret = { ...creds, secretAccessKey: oneByteOff(config.secretAccessKey) };
      const result = await verifySigV4(toRequest(testCase), options(wrongSecret, lenient));
      expect(result).toMatchObject({ ok: false, code: "InvalidSignatureException" });
      if (result.ok) return;
      // post-x-www-form-urlencoded's .creq lists content-length, which its .sts and .authz
      // did not sign: compare the canonical request only where the suite agrees with itself.
      const suiteAgrees = (await sha256Hex(testCase.creq)) === testCase.sts.split("\n")[3];
      if (suiteAgrees || INCONSISTENT.includes(name)) {
        expect(result.canonicalRequest).toBe(testCase.creq);
      }
      if (!INCONSISTENT.includes(name)) expect(result.stringToSign).toBe(testCase.sts);
    });

    const tampered: [string, () => Tamper | undefined][] = [
      [
        "the body",
        () =>
          testCase.request.method === "GET"
            ? undefined
            : { body: oneByteOff(testCase.request.body) },
      ],
      [
        "a signed header value",
        () => {
          const signed = /SignedHeaders=([^,]+)/.exec(testCase.authz)?.[1]?.split(";") ?? [];
          const header = testCase.request.headers.find(
            ([n]) =>
              signed.includes(n.toLowerCase()) &&
              !["host", "x-amz-date", "content-length"].includes(n.toLowerCase()),
          );
          return header ? { header: [header[0], oneByteOff(header[1])] } : undefined;
        },
      ],
      ["the date", () => ({ header: ["X-Amz-Date", "20150830T123601Z"] })],
      ["the signature", () => ({ authorization: oneByteOff(testCase.authz) })],
    ];

    for (const [what, make] of tampered) {
      const tamper = make();
      // A changed session token is refused for the token itself, before the signature.
      const code =
        tamper?.header?.[0].toLowerCase() === "x-amz-security-token"
          ? "UnrecognizedClientException"
          : "InvalidSignatureException";
      if (tamper === undefined) continue;
      it(`refuses a one-byte change to ${what}`, async () => {
        const result = await verifySigV4(toRequest(testCase, tamper), options(creds, lenient));
        expect(result).toMatchObject({ ok: false, code });
      });
    }

    it("refuses a one-byte change to the secret", async () => {
      const wrongSecret = { ...creds, secretAccessKey: oneByteOff(config.secretAccessKey) };
      const result = await verifySigV4(toRequest(testCase), options(wrongSecret, lenient));
      expect(result).toMatchObject({
        ok: false,
        code: "InvalidSignatureException",
        message: expect.stringMatching(/^The request signature we calculated does not match/),
      });
    });
  });

  it("knows which suite cases disagree with themselves", async () => {
    const disagreeing: string[] = [];
    for (const testCase of cases) {
      if ((await sha256Hex(testCase.creq)) !== testCase.sts.split("\n")[3]) {
        disagreeing.push(testCase.name);
      }
    }
    expect(disagreeing).toEqual(["post-x-www-form-urlencoded", ...INCONSISTENT]);
  });

  it("refuses post-sts-header-after by default: the token is not signed", async () => {
    const testCase = cases.find((c) => c.name === "post-sts-header-after");
    if (!testCase) throw new Error("case missing");
    const result = await verifySigV4(toRequest(testCase), options({ sessionToken: stsToken }));
    expect(result).toMatchObject({
      ok: false,
      code: "InvalidSignatureException",
      message: "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });
});
