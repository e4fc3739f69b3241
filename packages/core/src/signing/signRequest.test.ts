import { verifySigV4 } from "@sagefetch/msw/sigv4";
import suite from "@vectors/sigv4/index.json";
import { describe, expect, it } from "vitest";
import { canonicalHeaders, canonicalPath, canonicalQuery } from "./canonicalRequest";
import { signRequest } from "./signRequest";

interface SuiteCase {
  name: string;
  request: { method: string; uri: string; headers: [string, string][]; body: string };
  creq: string;
  authz: string;
}
const { config, stsToken, tests } = suite as {
  config: { region: string; service: string; accessKeyId: string; secretAccessKey: string };
  stsToken: string;
  tests: { all: SuiteCase[] };
};

// Every case of the official suite but two: `post-sts-header-after` adds the session token
// after signing, and sagefetch always signs it (as SageMaker requires);
// `post-x-www-form-urlencoded-parameters` has an authorization computed for another request
// than its own (charset=utf8, no content-length), which no signer can reproduce.
const EXCLUDED = new Set(["post-sts-header-after", "post-x-www-form-urlencoded-parameters"]);
const cases = tests.all.filter((c) => !EXCLUDED.has(c.name));

function toSigningInput(c: SuiteCase) {
  const headers: Record<string, string> = {};
  let host = "";
  for (const [name, value] of c.request.headers) {
    const lower = name.toLowerCase();
    if (lower === "host") host = value;
    // The signer adds these itself; content-length is set by fetch and never signed.
    else if (["x-amz-date", "x-amz-security-token", "content-length"].includes(lower)) continue;
    // Repeated headers reach the signer joined, as fetch's Headers would hold them.
    else headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  return { headers, url: new URL(`https://${host}${c.request.uri}`) };
}

describe("signRequest: the official SigV4 test suite", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { headers, url } = toSigningInput(c);
    const sessionToken = c.request.headers.some(([n]) => n.toLowerCase() === "x-amz-security-token")
      ? stsToken
      : undefined;
    const signed = await signRequest(
      c.request.method,
      url,
      headers,
      new TextEncoder().encode(c.request.body),
      {
        credentials: {
          accessKeyId: config.accessKeyId,
          secretAccessKey: config.secretAccessKey,
          sessionToken,
        },
        region: config.region,
        service: config.service,
        date: new Date(Date.UTC(2015, 7, 30, 12, 36, 0)),
        contentSha256: false,
      },
    );
    expect(signed.authorization).toBe(c.authz);
  });
});

describe("canonical request steps", () => {
  it("normalizes and double-encodes the path", () => {
    expect(canonicalPath("/example/../x/./y//z/")).toBe("/x/y/z/");
    expect(canonicalPath("/endpoints/my-ep/invocations")).toBe("/endpoints/my-ep/invocations");
    expect(canonicalPath("/base%20path/endpoints/a")).toBe("/base%2520path/endpoints/a");
    expect(canonicalPath("/")).toBe("/");
  });

  it("sorts the query by encoded name, then value", () => {
    expect(canonicalQuery(new URLSearchParams("b=2&a=2&a=1&c=%20x"))).toBe("a=1&a=2&b=2&c=%20x");
    expect(canonicalQuery(new URLSearchParams(""))).toBe("");
  });

  it("lowercases, sorts and trims header values", () => {
    expect(canonicalHeaders({ "X-B": "  two   words ", "x-a": "1" })).toEqual({
      names: "x-a;x-b",
      block: "x-a:1\nx-b:two words\n",
    });
  });

  it("folds every kind of whitespace in values as trim and one replace would", () => {
    const alphabet = ["a", "b", " ", "\t", "\n", "\u00a0", ",", "="];
    for (let seed = 1; seed < 2000; seed++) {
      let value = "";
      for (let n = seed; n > 0; n = Math.floor(n / alphabet.length)) {
        value += alphabet[n % alphabet.length];
      }
      expect(canonicalHeaders({ v: value }).block, JSON.stringify(value)).toBe(
        `v:${value.trim().replace(/\s+/g, " ")}\n`,
      );
    }
  });

  it("signs host as one more header when given", () => {
    expect(canonicalHeaders({ "x-z": "1", accept: "a" }, "example.com")).toEqual({
      names: "accept;host;x-z",
      block: "accept:a\nhost:example.com\nx-z:1\n",
    });
  });

  it("keeps a plain path as it is and still normalizes any other", () => {
    // Against the normalize-then-encode steps spelled out, on paths near the plain shape.
    const normalized = (path: string) => {
      const segments: string[] = [];
      for (const s of path.split("/")) {
        if (s === "" || s === ".") continue;
        if (s === "..") segments.pop();
        else segments.push(s);
      }
      const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
      return encodeURIComponent(`/${segments.join("/")}${trailing}`)
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%2F/g, "/");
    };
    const parts = ["a", "-", ".", "..", "~", "_", "%20", "", "b.c", ".x", "x."];
    for (const first of parts) {
      for (const second of parts) {
        for (const end of ["", "/"]) {
          const path = `/${first}/${second}${end}`;
          expect(canonicalPath(path), path).toBe(normalized(path));
        }
      }
    }
    expect(canonicalPath("/endpoints/my-ep.v2_x~/invocations")).toBe(
      "/endpoints/my-ep.v2_x~/invocations",
    );
  });
});

describe("signRequest", () => {
  const params = {
    credentials: {
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      sessionToken: "token",
    },
    region: "us-east-1",
    service: "sagemaker",
    date: new Date("2026-11-24T12:00:00Z"),
  };
  const url = new URL("https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/ep/invocations");

  it("adds the date, token, payload hash and authorization, and never host", async () => {
    const body = new TextEncoder().encode("{}");
    const signed = await signRequest(
      "POST",
      url,
      { "content-type": "application/json" },
      body,
      params,
    );
    expect(signed).toMatchObject({
      "content-type": "application/json",
      "x-amz-date": "20261124T120000Z",
      "x-amz-security-token": "token",
      "x-amz-content-sha256": "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    });
    expect(signed.host).toBeUndefined();
    expect(
      (
        await signRequest("POST", url, {}, body, {
          ...params,
          date: new Date("2026-01-02T03:04:05.678Z"),
        })
      )["x-amz-date"],
    ).toBe("20260102T030405Z");
    expect(signed.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261124\/us-east-1\/sagemaker\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });

  it("hashes a large body natively, to the same value", async () => {
    const body = new Uint8Array(100_000).fill(7);
    const signed = await signRequest("POST", url, {}, body, params);
    const expected = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    expect(signed["x-amz-content-sha256"]).toBe(
      Array.from(expected, (b) => b.toString(16).padStart(2, "0")).join(""),
    );
  });

  it("changes the signature when anything signed changes", async () => {
    const base = await signRequest("POST", url, { accept: "a" }, new Uint8Array([1]), params);
    const variants = await Promise.all([
      signRequest("POST", url, { accept: "b" }, new Uint8Array([1]), params),
      signRequest("POST", url, { accept: "a" }, new Uint8Array([2]), params),
      signRequest(
        "POST",
        new URL("https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/ep2/invocations"),
        { accept: "a" },
        new Uint8Array([1]),
        params,
      ),
      signRequest("POST", url, { accept: "a" }, new Uint8Array([1]), {
        ...params,
        region: "us-west-2",
      }),
      signRequest("POST", url, { accept: "a" }, new Uint8Array([1]), {
        ...params,
        date: new Date("2026-11-24T12:00:01Z"),
      }),
      signRequest("POST", url, { accept: "a" }, new Uint8Array([1]), {
        ...params,
        credentials: { ...params.credentials, secretAccessKey: "other" },
      }),
    ]);
    for (const variant of variants) expect(variant.authorization).not.toBe(base.authorization);
  });
});

describe("signRequest: one call after another", () => {
  const credentials = {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  };
  const url = new URL("https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/ep/invocations");
  const sign = (headers: Record<string, string>, date: Date) =>
    signRequest("POST", url, headers, new TextEncoder().encode("{}"), {
      credentials,
      region: "us-east-1",
      service: "sagemaker",
      date,
    });

  it("writes the date of each call, within a second and across seconds", async () => {
    const at = (iso: string) => sign({}, new Date(iso)).then((h) => h["x-amz-date"]);
    expect(await at("2026-11-24T12:00:00.100Z")).toBe("20261124T120000Z");
    expect(await at("2026-11-24T12:00:00.900Z")).toBe("20261124T120000Z");
    expect(await at("2026-11-24T12:00:01.000Z")).toBe("20261124T120001Z");
    expect(await at("2026-11-23T23:59:59.999Z")).toBe("20261123T235959Z");
  });

  it("signs long and short requests in turn so that the verifier accepts each", async () => {
    const now = new Date();
    // 4,000 characters: the canonical request outgrows the signer's reused buffer.
    for (const value of ["x".repeat(4000), "short", "y".repeat(700), "z"]) {
      const headers = await sign({ "x-amzn-sagemaker-custom-attributes": value }, now);
      const request = new Request(url, { method: "POST", headers, body: "{}" });
      const result = await verifySigV4(request, {
        credentials: { AKIDEXAMPLE: { secretAccessKey: credentials.secretAccessKey } },
        service: "sagemaker",
        now,
      });
      expect(result.ok, `a ${value.length}-character header`).toBe(true);
    }
  });
});

describe("signRequest: the signing-key cache", () => {
  it("notices a credentials object whose secret was changed in place", async () => {
    const url = new URL(
      "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/ep/invocations",
    );
    const date = new Date("2026-11-24T12:00:00Z");
    const mutable = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "old" };
    await signRequest("POST", url, {}, undefined, {
      credentials: mutable,
      region: "us-east-1",
      service: "sagemaker",
      date,
    });
    mutable.secretAccessKey = "new";
    const reused = await signRequest("POST", url, {}, undefined, {
      credentials: mutable,
      region: "us-east-1",
      service: "sagemaker",
      date,
    });
    const fresh = await signRequest("POST", url, {}, undefined, {
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "new" },
      region: "us-east-1",
      service: "sagemaker",
      date,
    });
    expect(reused.authorization).toBe(fresh.authorization);
  });
});
