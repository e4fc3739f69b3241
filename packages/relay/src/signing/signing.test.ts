import { demoCredentials, demoEndpoints, sageMakerHandlers } from "@sagefetch/msw";
import { getResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { HOST, INVOKE, PAGE, RELAY } from "../../test/helpers/requests";
import { RelayConfigError } from "../RelayConfigError";
import { createRelay } from "./index";

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

describe("createRelay from @sagefetch/relay/signing", () => {
  it("signs with its own credentials what authorize allows; the service accepts the signature", async () => {
    const seen: string[] = [];
    const relay = createRelay({
      fetch: toMock,
      signing: {
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
        signing: { credentials: demoCredentials, authorize },
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
      signing: {
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
      signing: {
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
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
        (await getResponse(local.handlers, new Request(input, init))) as Response) as typeof fetch,
      signing: {
        credentials: demoCredentials,
        authorize: (): boolean => true,
        region: "eu-west-1",
      },
    });
    const response = await relay(
      new Request(`${RELAY}/127.0.0.1:8080${INVOKE}`, { method: "POST", body: "abc" }),
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
        signing: { credentials: demoCredentials, authorize: (): boolean => true },
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
