import { demoCredentials, demoEndpoints, sageMakerHandlers } from "@sagefetch/msw";
import { getResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { HOST, INVOKE, PAGE, RELAY, upstream } from "../../test/helpers/requests";
import { RelayConfigError } from "../RelayConfigError";
import { createRelay, type RelaySigning } from "./index";

const mock = sageMakerHandlers({ endpoints: demoEndpoints });
afterEach(() => mock.reset());

/** The MSW SageMaker mock as the relay's upstream: it checks the relay's signature. */
const toMock = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await getResponse(mock.handlers, new Request(input, init));
  if (!response || response.type === "error") throw new TypeError("fetch failed");
  return response;
}) as typeof fetch;

/** What a page sends in signing mode: no AWS signature, the app's own token. */
function appRequest(token: string, path = INVOKE) {
  return new Request(`${RELAY}/${HOST}${path}`, {
    method: "POST",
    headers: {
      origin: PAGE,
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "x-amzn-sagemaker-custom-attributes": "trace=1",
    },
    body: JSON.stringify({ inputs: "I love this" }),
  });
}

const ASYNC = "/endpoints/echo/async-invocations";

/** A signing relay for PAGE whose upstream records what it is sent. */
function recordingRelay(signing: Partial<RelaySigning> = {}) {
  const up = upstream();
  const relay = createRelay({
    fetch: up.fetch,
    allowedOrigins: [PAGE],
    signing: {
      credentials: demoCredentials,
      region: "us-east-1",
      authorize: () => true,
      ...signing,
    },
  });
  return { relay, calls: up.calls };
}

/** The page's request with these extra headers. */
function withHeaders(headers: Record<string, string>, path = INVOKE) {
  const request = appRequest("good", path);
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  return request;
}

const signedNames = (call: Request | undefined) =>
  /SignedHeaders=([^,]+),/.exec(call?.headers.get("authorization") ?? "")?.[1]?.split(";") ?? [];

describe("signing mode: which headers it signs", () => {
  it("signs the operation's own headers only: no header the page makes up is signed or sent", async () => {
    const { relay, calls } = recordingRelay();
    const response = await relay(
      withHeaders({
        "x-amzn-sagemaker-made-up": "1",
        "x-amzn-trace-id": "Root=1-abc",
        "x-amz-security-token": "PAGE-TOKEN",
        "x-amz-date": "20000101T000000Z",
        "x-amzn-sagemaker-inference-id": "inf-1",
        "x-amzn-sagemaker-session-id": "NEW_SESSION",
        accept: "application/json",
        "amz-sdk-invocation-id": "id-1",
        "x-amzn-sagemaker-inputlocation": "s3://wrong-operation/x", // not InvokeEndpoint's
      }),
    );
    expect(response.status).toBe(403); // InputLocation is refused on every operation
    expect(calls).toHaveLength(0);
    const allowed = await relay(
      withHeaders({
        "x-amzn-sagemaker-made-up": "1",
        "x-amzn-trace-id": "Root=1-abc",
        "x-amz-security-token": "PAGE-TOKEN",
        "x-amz-date": "20000101T000000Z",
        "x-amzn-sagemaker-inference-id": "inf-1",
        "x-amzn-sagemaker-session-id": "NEW_SESSION",
        accept: "application/json",
        "amz-sdk-invocation-id": "id-1",
      }),
    );
    expect(allowed.status).toBe(200);
    const [call] = calls;
    expect([...(call as Request).headers.keys()].sort()).toEqual([
      "accept",
      "amz-sdk-invocation-id",
      "authorization",
      "content-type",
      "x-amz-content-sha256",
      "x-amz-date",
      "x-amzn-sagemaker-custom-attributes",
      "x-amzn-sagemaker-inference-id",
      "x-amzn-sagemaker-session-id",
    ]);
    expect(call?.headers.get("x-amz-date")).not.toBe("20000101T000000Z");
    expect(signedNames(call)).not.toContain("x-amzn-sagemaker-made-up");
  });

  it.each([
    [ASYNC, "x-amzn-sagemaker-inputlocation", "s3://other-bucket/secret"],
    [INVOKE, "x-amzn-sagemaker-target-model", "other.tar.gz"],
    [INVOKE, "x-amzn-sagemaker-target-variant", "shadow"],
    [INVOKE, "x-amzn-sagemaker-target-container-hostname", "admin"],
    [INVOKE, "x-amzn-sagemaker-inference-component", "other-ic"],
    ["/endpoints/echo/invocations-response-stream", "x-amzn-sagemaker-target-variant", "shadow"],
  ])(
    "refuses %s with %s unless signing.allowHeaders allows it (403, nothing signed)",
    async (path, name, value) => {
      const { relay, calls } = recordingRelay();
      const response = await relay(withHeaders({ [name]: value }, path));
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
      const { message } = (await response.json()) as { message: string };
      expect(message).toContain(name);
      expect(message).toContain("signing.allowHeaders");
      expect(message).not.toContain(value);
      expect(calls).toHaveLength(0);
    },
  );

  it("signing.allowHeaders: a list of values, or a function given the value and the request", async () => {
    const seen: string[] = [];
    const { relay, calls } = recordingRelay({
      allowHeaders: {
        "x-amzn-sagemaker-target-model": ["a.tar.gz", "b.tar.gz"],
        "x-amzn-sagemaker-target-variant": async (value, request) => {
          seen.push(value);
          return value === "v1" && request.headers.get("authorization") === "Bearer good";
        },
      },
    });
    const model = await relay(withHeaders({ "x-amzn-sagemaker-target-model": "b.tar.gz" }));
    expect(model.status).toBe(200);
    expect(calls[0]?.headers.get("x-amzn-sagemaker-target-model")).toBe("b.tar.gz");
    expect(signedNames(calls[0])).toContain("x-amzn-sagemaker-target-model");
    expect((await relay(withHeaders({ "x-amzn-sagemaker-target-model": "c.tar.gz" }))).status).toBe(
      403,
    );
    expect((await relay(withHeaders({ "x-amzn-sagemaker-target-variant": "v1" }))).status).toBe(
      200,
    );
    expect((await relay(withHeaders({ "x-amzn-sagemaker-target-variant": "v2" }))).status).toBe(
      403,
    );
    // Not allowed by any rule given.
    expect(
      (await relay(withHeaders({ "x-amzn-sagemaker-inference-component": "ic" }))).status,
    ).toBe(403);
    expect(seen).toEqual(["v1", "v2"]);
    expect(calls).toHaveLength(2);
  });

  it("signing.inputLocations: InputLocation only under these S3 prefixes", async () => {
    const { relay, calls } = recordingRelay({ inputLocations: ["s3://uploads/app/"] });
    const at = (location: string) =>
      relay(withHeaders({ "x-amzn-sagemaker-inputlocation": location }, ASYNC));
    expect((await at("s3://uploads/app/user-1/in.json")).status).toBe(200);
    expect(calls[0]?.headers.get("x-amzn-sagemaker-inputlocation")).toBe(
      "s3://uploads/app/user-1/in.json",
    );
    for (const refused of [
      "s3://uploads/other/in.json",
      "s3://uploads/app",
      "s3://uploads-evil/app/in.json",
      "S3://uploads/app/in.json",
      "https://uploads.s3.amazonaws.com/app/in.json",
    ]) {
      expect((await at(refused)).status, refused).toBe(403);
    }
    expect(calls).toHaveLength(1);
  });

  it.each([
    [{ allowHeaders: [] }, "signing.allowHeaders"],
    [
      { allowHeaders: { "x-amzn-sagemaker-custom-attributes": () => true } },
      "signing.allowHeaders.x-amzn-sagemaker-custom-attributes",
    ],
    [
      { allowHeaders: { "x-amzn-sagemaker-target-model": true } },
      "signing.allowHeaders.x-amzn-sagemaker-target-model",
    ],
    [
      { allowHeaders: { "x-amzn-sagemaker-target-model": ["a", 1] } },
      "signing.allowHeaders.x-amzn-sagemaker-target-model[1]",
    ],
    [{ inputLocations: "s3://uploads/" }, "signing.inputLocations"],
    [{ inputLocations: ["s3://uploads"] }, "signing.inputLocations[0]"],
    [{ inputLocations: ["s3://uploads/", "/tmp/"] }, "signing.inputLocations[1]"],
    [
      {
        inputLocations: ["s3://uploads/"],
        allowHeaders: { "x-amzn-sagemaker-inputlocation": () => true },
      },
      "signing.inputLocations",
    ],
  ])("%j is refused with a RelayConfigError naming %s", (signing, field) => {
    let thrown: unknown;
    try {
      createRelay({
        allowedOrigins: [PAGE],
        signing: {
          credentials: demoCredentials,
          region: "us-east-1",
          authorize: () => true,
          ...(signing as object),
        },
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RelayConfigError);
    expect((thrown as RelayConfigError).field).toBe(field);
  });
});

describe("signing mode: cross-site requests", () => {
  it("needs allowedOrigins (a RelayConfigError naming it)", () => {
    let thrown: unknown;
    try {
      createRelay({
        signing: { credentials: demoCredentials, region: "us-east-1", authorize: () => true },
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RelayConfigError);
    expect((thrown as RelayConfigError).field).toBe("allowedOrigins");
  });

  it("refuses a cross-site simple POST riding on a cookie, and one without Origin, before authorize", async () => {
    let asked = 0;
    const relay = createRelay({
      fetch: toMock,
      allowedOrigins: [PAGE],
      signing: {
        region: "us-east-1",
        credentials: demoCredentials,
        authorize: (request) => {
          asked++;
          return request.headers.get("cookie") === "session=victim";
        },
      },
    });
    const csrf = (headers: Record<string, string>) =>
      relay(
        new Request(`${RELAY}/${HOST}${INVOKE}`, {
          method: "POST",
          headers: { "content-type": "text/plain", cookie: "session=victim", ...headers },
          body: "{}",
        }),
      );
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      {},
    ];
    for (const headers of crossSite) {
      const response = await csrf(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(asked).toBe(0);
    expect(mock.requests).toHaveLength(0);
    expect((await csrf({ origin: PAGE })).status).toBe(200);
  });
});

describe("signing mode: failures", () => {
  it("answers 500 InternalFailure, and says nothing more, when signing or an allowHeaders function throws", async () => {
    const failing: [ReturnType<typeof recordingRelay>, Record<string, string>][] = [
      [
        recordingRelay({
          credentials: {
            accessKeyId: "AKIDEXAMPLE",
            secretAccessKey: "SECRET-KEY",
            get sessionToken(): string {
              throw new Error("cannot read SECRET-TOKEN");
            },
          },
        }),
        {},
      ],
      [
        recordingRelay({
          allowHeaders: {
            "x-amzn-sagemaker-target-model": () => {
              throw new Error("lookup failed for SECRET-TOKEN");
            },
          },
        }),
        { "x-amzn-sagemaker-target-model": "a.tar.gz" },
      ],
    ];
    for (const [{ relay, calls }, headers] of failing) {
      const response = await relay(withHeaders(headers));
      expect(response.status).toBe(500);
      expect(response.headers.get("x-amzn-errortype")).toBe("InternalFailure");
      expect(await response.json()).toEqual({
        message: "The relay failed to handle this request.",
      });
      expect(calls).toHaveLength(0);
    }
  });
});

describe("createRelay from @sagefetch/relay/signing", () => {
  it("signs with its own credentials what authorize allows; the service accepts the signature", async () => {
    const seen: string[] = [];
    const relay = createRelay({
      fetch: toMock,
      allowedOrigins: [PAGE],
      signing: {
        region: "us-east-1",
        credentials: demoCredentials,
        authorize: (request) => {
          seen.push(request.headers.get("authorization") ?? "");
          return request.headers.get("authorization") === "Bearer good";
        },
      },
    });
    const response = await relay(appRequest("good", "/endpoints/sentiment/invocations"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ label: "POSITIVE", score: expect.any(Number) }]);
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(seen).toEqual(["Bearer good"]);
    const [received] = mock.requests;
    expect(received?.accessKeyId).toBe("AKIDEXAMPLE");
    // The app's token stayed at the relay; what SageMaker reads went through, signed.
    expect(received?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(received?.headers.authorization).not.toContain("good");
    expect(received?.headers["x-amzn-sagemaker-custom-attributes"]).toBe("trace=1");
  });

  it("refuses what authorize refuses, or throws on (403), and calls nothing", async () => {
    for (const authorize of [
      () => false,
      async () => false,
      () => {
        throw new Error("jwt expired: token eyJsecret");
      },
      // Truthy is not yes: only `true` allows.
      () => "yes" as unknown as boolean,
    ]) {
      const relay = createRelay({
        fetch: toMock,
        allowedOrigins: [PAGE],
        signing: { credentials: demoCredentials, region: "us-east-1", authorize },
      });
      const response = await relay(appRequest("bad"));
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
      const text = await response.text();
      expect(text).not.toContain("eyJsecret");
      expect(text).not.toContain("bad");
    }
    expect(mock.requests).toHaveLength(0);
  });

  it("still refuses other hosts, paths and origins before asking authorize", async () => {
    let asked = 0;
    const relay = createRelay({
      fetch: toMock,
      allowedOrigins: [PAGE],
      signing: {
        region: "us-east-1",
        credentials: demoCredentials,
        authorize: () => {
          asked++;
          return true;
        },
      },
    });
    const other = (url: string, origin = PAGE) =>
      relay(new Request(url, { method: "POST", headers: { origin }, body: "{}" }));
    expect((await other(`${RELAY}/sts.amazonaws.com${INVOKE}`)).status).toBe(403);
    expect((await other(`${RELAY}/${HOST}/endpoints/echo/other`)).status).toBe(404);
    expect((await other(`${RELAY}/${HOST}${INVOKE}`, "https://evil.example")).status).toBe(403);
    expect(asked).toBe(0);
  });

  it("takes a credentials provider, called once for many calls", async () => {
    let calls = 0;
    const relay = createRelay({
      fetch: toMock,
      allowedOrigins: [PAGE],
      signing: {
        region: "us-east-1",
        credentials: async () => {
          calls++;
          return demoCredentials;
        },
        authorize: (): boolean => true,
      },
    });
    const statuses = await Promise.all(
      [1, 2, 3].map(async () => (await relay(appRequest("t"))).status),
    );
    expect(statuses).toEqual([200, 200, 200]);
    expect(calls).toBe(1);
  });

  it("answers 500 when its credentials fail, without saying more", async () => {
    const relay = createRelay({
      fetch: toMock,
      allowedOrigins: [PAGE],
      signing: {
        region: "us-east-1",
        credentials: async () => {
          throw new Error("secret role arn:aws:iam::1:role/x");
        },
        authorize: (): boolean => true,
      },
    });
    const response = await relay(appRequest("t"));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("arn:aws");
  });

  it("signs for an extra upstream with signing.region", async () => {
    const local = sageMakerHandlers({ endpoints: demoEndpoints, hosts: ["http://127.0.0.1:8080"] });
    const relay = createRelay({
      extraUpstreams: ["http://127.0.0.1:8080"],
      allowedOrigins: [PAGE],
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
        (await getResponse(local.handlers, new Request(input, init))) as Response) as typeof fetch,
      signing: {
        credentials: demoCredentials,
        authorize: (): boolean => true,
        region: "eu-west-1",
      },
    });
    const response = await relay(
      new Request(`${RELAY}/127.0.0.1:8080${INVOKE}`, {
        method: "POST",
        headers: { origin: PAGE },
        body: "abc",
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("abc");
    expect(local.requests[0]?.headers.authorization).toContain("/eu-west-1/sagemaker/");
  });

  it.each([
    [{ signing: { authorize: (): boolean => true } }, "signing.credentials"],
    [{ signing: { credentials: demoCredentials } }, "signing.authorize"],
    [
      {
        signing: {
          credentials: demoCredentials,
          authorize: (): boolean => true,
          region: "US East",
        },
      },
      "signing.region",
    ],
    [
      {
        extraUpstreams: ["http://127.0.0.1:1"],
        signing: {
          credentials: demoCredentials,
          allowedRegions: ["us-east-1"],
          authorize: (): boolean => true,
        },
      },
      "signing.region",
    ],
  ])("%j is refused with a RelayConfigError naming %s", (options, field) => {
    expect(() => createRelay(options as never)).toThrow(RelayConfigError);
    expect(() => createRelay(options as never)).toThrow(field);
  });

  it("without signing, forwards signed requests only, as @sagefetch/relay does", async () => {
    const relay = createRelay({ fetch: toMock });
    const response = await relay(appRequest("good"));
    expect(response.headers.get("x-amzn-errortype")).toBe("IncompleteSignatureException");
  });
});

describe("signing mode: what it returns, what it signs, where", () => {
  const credentials = {
    accessKeyId: "ASIAEXAMPLERELAYKEY1",
    secretAccessKey: "relaySecret/Key+Example0123456789abcdef",
    sessionToken: "FwoGZXIvYXdzEXAMPLE/relay+session+token==",
  };

  /** The service's answer to a signature it computed otherwise: it quotes what it signed. */
  function invalidSignature(request: Request, encode: (text: string) => string): Response {
    const authorization = request.headers.get("authorization") ?? "";
    const canonical = [
      "POST",
      new URL(request.url).pathname,
      "",
      `host:${new URL(request.url).host}`,
      `x-amz-date:${request.headers.get("x-amz-date")}`,
      `x-amz-security-token:${request.headers.get("x-amz-security-token")}`,
    ].join("\n");
    const message = `The request signature we calculated does not match the signature you provided. Authorization: ${authorization}. The Canonical String for this request should have been '${canonical}'`;
    return new Response(encode(JSON.stringify({ message })), {
      status: 403,
      headers: {
        "content-type": "application/json",
        "x-amzn-errortype": "InvalidSignatureException",
        "x-amzn-errormessage": `token ${request.headers.get("x-amz-security-token")}`,
      },
    });
  }

  it.each([
    ["as it is", (text: string) => text],
    ["JSON-escaped", (text: string) => text.replaceAll("/", "\\/")],
    [
      "URL-encoded",
      (text: string) => text.replaceAll("/", "%2F").replaceAll("+", "%2B").replaceAll("=", "%3D"),
    ],
  ])(
    "redacts its own credentials and signature from an error that quotes them (%s)",
    async (_, encode) => {
      let signature = "";
      const up = upstream((request) => {
        signature =
          /Signature=([0-9a-f]+)/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
        return invalidSignature(request, encode);
      });
      const relay = createRelay({
        fetch: up.fetch,
        allowedOrigins: [PAGE],
        signing: { credentials, region: "us-east-1", authorize: () => true },
      });
      const response = await relay(appRequest("good"));
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
      const text = await response.text();
      const headers = JSON.stringify([...response.headers]);
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      for (const secret of [...Object.values(credentials), signature]) {
        for (const form of [secret, encode(secret), encodeURIComponent(secret)]) {
          expect(text).not.toContain(form);
          expect(headers).not.toContain(form);
        }
      }
      expect(text).toContain("[redacted by the relay]");
      expect(text).toContain("The Canonical String for this request should have been");
      expect(response.headers.get("x-amzn-errormessage")).toBe("token [redacted by the relay]");
    },
  );

  it("pipes a successful answer as it comes", async () => {
    const relay = createRelay({
      fetch: toMock,
      allowedOrigins: [PAGE],
      signing: { credentials: demoCredentials, region: "us-east-1", authorize: () => true },
    });
    const response = await relay(appRequest("good", "/endpoints/echo/invocations-response-stream"));
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it.each([
    ["x-amzn-sagemaker-custom-attributes", "café=1"],
    ["x-amzn-sagemaker-inference-id", "id\u00a01"],
    ["content-type", "application/json; charset=\u00ff"],
  ])(
    "refuses a non-ASCII %s with 400 naming it, never its value, and sends nothing",
    async (name, value) => {
      const { relay, calls } = recordingRelay();
      const response = await relay(withHeaders({ [name]: value }));
      expect(response.status).toBe(400);
      expect(response.headers.get("x-amzn-errortype")).toBe("ValidationError");
      const { message } = (await response.json()) as { message: string };
      expect(message).toContain(`The header ${name} holds a character that is not printable ASCII`);
      expect(message).not.toContain(value);
      expect(calls).toHaveLength(0);
    },
  );

  it("signs an ASCII value it would have refused as non-ASCII elsewhere: the service accepts it", async () => {
    const relay = createRelay({
      fetch: toMock,
      allowedOrigins: [PAGE],
      signing: { credentials: demoCredentials, region: "us-east-1", authorize: () => true },
    });
    const response = await relay(
      withHeaders({ "x-amzn-sagemaker-custom-attributes": "a=1; b=x y" }),
    );
    expect(response.status).toBe(200);
  });

  /** The page's request, for a host of its choosing. */
  const toHost = (host: string) =>
    new Request(`${RELAY}/${host}${INVOKE}`, {
      method: "POST",
      headers: { origin: PAGE, "content-type": "application/json" },
      body: "{}",
    });

  it.each([
    ["another region", "runtime.sagemaker.eu-west-1.amazonaws.com", "eu-west-1"],
    [
      "its FIPS host",
      "runtime-fips.sagemaker.us-east-1.amazonaws.com",
      "the FIPS hosts of us-east-1",
    ],
    [
      "its FIPS dual-stack host",
      "runtime.sagemaker-fips.us-east-1.api.aws",
      "the FIPS hosts of us-east-1",
    ],
    ["another partition", "runtime.sagemaker.cn-north-1.amazonaws.com.cn", "cn-north-1"],
  ])(
    "signs for its own region only by default: %s is refused (403) before authorize",
    async (_, host, named) => {
      let asked = 0;
      const { relay, calls } = recordingRelay({
        authorize: () => {
          asked++;
          return true;
        },
      });
      const response = await relay(toHost(host));
      expect(response.status).toBe(403);
      expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
      expect(((await response.json()) as { message: string }).message).toBe(
        `The relay does not sign for ${named}: signing.allowedRegions does not list it.`,
      );
      expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
      expect(asked).toBe(0);
      expect(calls).toHaveLength(0);
      // Its own region's hosts, standard and dual-stack, are signed.
      for (const own of [HOST, "runtime.sagemaker.us-east-1.api.aws"]) {
        expect((await relay(toHost(own))).status).toBe(200);
      }
    },
  );

  it("signs for the regions and FIPS hosts allowedRegions lists, each for its own region", async () => {
    const up = upstream();
    const relay = createRelay({
      fetch: up.fetch,
      allowedOrigins: [PAGE],
      signing: {
        credentials: demoCredentials,
        allowedRegions: ["eu-west-1", "fips-us-east-1", "us-west-2-fips"],
        authorize: () => true,
      },
    });
    const hosts = {
      "runtime.sagemaker.eu-west-1.amazonaws.com": 200,
      "runtime-fips.sagemaker.us-east-1.amazonaws.com": 200,
      "runtime-fips.sagemaker.us-west-2.amazonaws.com": 200,
      "runtime.sagemaker.us-east-1.amazonaws.com": 403,
      "runtime-fips.sagemaker.eu-west-1.amazonaws.com": 403,
    };
    for (const [host, status] of Object.entries(hosts)) {
      expect((await relay(toHost(host))).status, host).toBe(status);
    }
    expect(
      up.calls.map(
        (call) =>
          /Credential=[^/]+\/\d+\/([^/]+)\//.exec(call.headers.get("authorization") ?? "")?.[1],
      ),
    ).toEqual(["eu-west-1", "us-east-1", "us-west-2"]);
  });

  it.each([
    [{}, "signing.region"],
    [{ allowedRegions: [] }, "signing.allowedRegions"],
    [{ allowedRegions: "us-east-1" }, "signing.allowedRegions"],
    [{ allowedRegions: ["us-east-1", "US East"] }, "signing.allowedRegions[1]"],
    [{ allowedRegions: ["fips-"] }, "signing.allowedRegions[0]"],
  ])("%j is refused with a RelayConfigError naming %s", (extra, field) => {
    const options = {
      allowedOrigins: [PAGE],
      signing: { credentials: demoCredentials, authorize: () => true, ...extra },
    };
    expect(() => createRelay(options as never)).toThrow(RelayConfigError);
    expect(() => createRelay(options as never)).toThrow(field);
  });
});
