import { describe, expect, it } from "vitest";
import {
  HOST,
  INVOKE,
  PAGE,
  RELAY,
  signedRequest,
  unsignedRequest,
  upstream,
} from "../test/helpers/requests";
import { createRelay } from "./createRelay";
import { RelayConfigError } from "./RelayConfigError";

async function refusalOf(response: Response) {
  return {
    status: response.status,
    code: response.headers.get("x-amzn-errortype"),
    message: ((await response.json()) as { message: string }).message,
  };
}

describe("createRelay: what it forwards", () => {
  it("forwards a signed request to the signed host, unchanged, and returns the answer with CORS", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch });
    const request = await signedRequest({
      headers: { "x-amzn-sagemaker-custom-attributes": "a=1" },
    });
    const sent = request.clone();
    const response = await relay(request);

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"ok":true}');
    expect(up.calls).toHaveLength(1);
    const [call] = up.calls as [Request];
    expect(call.url).toBe(`https://${HOST}${INVOKE}`);
    expect(call.method).toBe("POST");
    expect(call.redirect).toBe("manual");
    expect(new Uint8Array(await call.arrayBuffer())).toEqual(
      new Uint8Array(await sent.arrayBuffer()),
    );
    // Every signed header as it came, and nothing of the browser's own.
    for (const name of [
      "authorization",
      "x-amz-date",
      "x-amz-content-sha256",
      "content-type",
      "x-amzn-sagemaker-custom-attributes",
    ]) {
      expect(call.headers.get(name), name).toBe(sent.headers.get(name));
    }
    expect(call.headers.get("origin")).toBeNull();

    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(response.headers.get("vary")).toContain("Origin");
    const exposed = (response.headers.get("access-control-expose-headers") ?? "").split(", ");
    expect(exposed).toEqual(
      expect.arrayContaining(["date", "x-amzn-requestid", "x-amzn-invoked-production-variant"]),
    );
  });

  it("keeps the relay's own path prefix out of the upstream URL", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch });
    await relay(await signedRequest({ relay: `${RELAY}/api/sagemaker` }));
    const path = "/endpoints/chat/invocations-response-stream";
    await relay(await signedRequest({ path }));
    await relay(await signedRequest({ path: "/endpoints/a-b/async-invocations" }));
    expect(up.calls.map((call) => call.url)).toEqual([
      `https://${HOST}${INVOKE}`,
      `https://${HOST}${path}`,
      `https://${HOST}/endpoints/a-b/async-invocations`,
    ]);
  });

  it("drops hop-by-hop headers, cookies and the browser's headers; forwards what is signed", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch });
    const request = await signedRequest();
    const headers = new Headers(request.headers);
    headers.set("connection", "keep-alive, x-private-hop");
    headers.set("keep-alive", "timeout=5");
    headers.set("x-private-hop", "1");
    headers.set("cookie", "session=secret");
    headers.set("referer", `${PAGE}/page`);
    headers.set("sec-fetch-mode", "cors");
    headers.set("cf-connecting-ip", "203.0.113.9");
    headers.set("x-forwarded-for", "203.0.113.9");
    headers.set("amz-sdk-request", "attempt=1; max=3");
    await relay(new Request(request, { headers }));
    const sent = [...(up.calls[0] as Request).headers.keys()].sort();
    expect(sent).toEqual([
      "amz-sdk-request",
      "authorization",
      "content-type",
      "x-amz-content-sha256",
      "x-amz-date",
    ]);
  });

  it("drops hop-by-hop, cookie, encoding and CORS headers of the answer, keeps the rest", async () => {
    const up = upstream(
      () =>
        new Response("plain", {
          headers: {
            "content-type": "text/plain",
            connection: "close",
            "keep-alive": "timeout=5",
            "set-cookie": "tracking=1",
            "content-encoding": "gzip",
            "access-control-allow-origin": "*",
            "x-amzn-requestid": "r",
            "retry-after": "1",
          },
        }),
    );
    const response = await createRelay({ fetch: up.fetch })(await signedRequest());
    const names = [...response.headers.keys()];
    for (const gone of ["connection", "keep-alive", "set-cookie", "content-encoding"]) {
      expect(names, gone).not.toContain(gone);
    }
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "retry-after, x-amzn-requestid",
    );
  });

  it("never copies headers that set policy for the relay's origin, nor any hop-by-hop header", async () => {
    const dropped = {
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "alt-svc": 'h3=":443"; ma=86400',
      "www-authenticate": 'AWS4-HMAC-SHA256 realm="sagemaker"',
      "set-cookie2": "legacy=1",
      "clear-site-data": '"storage"',
      "public-key-pins": 'pin-sha256="x"; max-age=1',
      "expect-ct": "max-age=1",
      connection: "close, x-hop-named",
      "x-hop-named": "1",
      "keep-alive": "timeout=5",
      "proxy-authenticate": "Basic",
      "proxy-connection": "keep-alive",
      trailer: "x-checksum",
      "transfer-encoding": "chunked",
      upgrade: "h2c",
      te: "trailers",
    };
    const up = upstream(
      () =>
        new Response("{}", {
          status: 401,
          headers: { ...dropped, "x-amzn-requestid": "r", "content-type": "application/json" },
        }),
    );
    const response = await createRelay({ fetch: up.fetch })(await signedRequest());
    const names = [...response.headers.keys()];
    for (const gone of Object.keys(dropped)) expect(names, gone).not.toContain(gone);
    expect(response.headers.get("x-amzn-requestid")).toBe("r");
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("pipes the answer: the first part reaches the caller before the upstream has finished", async () => {
    const encoder = new TextEncoder();
    let finish!: () => void;
    const up = upstream(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              controller.enqueue(encoder.encode("part 1"));
              await new Promise<void>((resolve) => {
                finish = resolve;
              });
              controller.enqueue(encoder.encode("part 2"));
              controller.close();
            },
          }),
          { headers: { "content-type": "application/vnd.amazon.eventstream" } },
        ),
    );
    const relay = createRelay({ fetch: up.fetch });
    const response = await relay(
      await signedRequest({ path: "/endpoints/chat/invocations-response-stream" }),
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("part 1");
    // Only now does the upstream go on.
    finish();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      rest += new TextDecoder().decode(r.value);
    }
    expect(rest).toBe("part 2");
  });

  it("passes the service's errors through untouched", async () => {
    const body = '{"message":"Signature expired: 20260101T000000Z is now earlier than ..."}';
    const up = upstream(
      () =>
        new Response(body, {
          status: 403,
          headers: {
            "content-type": "application/json",
            "x-amzn-errortype": "InvalidSignatureException:http://internal.amazon.com/coral/",
            date: "Tue, 24 Nov 2026 10:00:00 GMT",
          },
        }),
    );
    const response = await createRelay({ fetch: up.fetch })(await signedRequest());
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(body);
    expect(response.headers.get("x-amzn-errortype")).toBe(
      "InvalidSignatureException:http://internal.amazon.com/coral/",
    );
    expect(response.headers.get("date")).toBe("Tue, 24 Nov 2026 10:00:00 GMT");
    expect(response.headers.get("access-control-expose-headers")).toBe("date, x-amzn-errortype");
  });

  it("looks fetch up on globalThis at each request when none is given", async () => {
    const relay = createRelay();
    const up = upstream();
    const original = globalThis.fetch;
    globalThis.fetch = up.fetch;
    try {
      expect((await relay(await signedRequest())).status).toBe(200);
    } finally {
      globalThis.fetch = original;
    }
    expect(up.calls).toHaveLength(1);
  });

  it("forwards to an extra upstream with its own scheme, only if listed", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch, extraUpstreams: ["http://127.0.0.1:8080"] });
    const response = await relay(await signedRequest({ host: "127.0.0.1:8080" }));
    expect(response.status).toBe(200);
    expect(up.calls[0]?.url).toBe(`http://127.0.0.1:8080${INVOKE}`);
    const other = await relay(await signedRequest({ host: "127.0.0.1:9999" }));
    expect(other.status).toBe(403);
    expect(up.calls).toHaveLength(1);
  });
});

describe("createRelay: what it refuses", () => {
  const refusedHosts = [
    "sts.amazonaws.com",
    "s3.us-east-1.amazonaws.com",
    "api.sagemaker.us-east-1.amazonaws.com",
    "runtime.sagemaker.us-east-1.amazonaws.com.evil.example",
    "runtime.sagemaker.us-east-1.amazonaws.com:8443",
    "evil.example",
    "169.254.169.254",
    "localhost:8080",
  ];
  it.each(refusedHosts)(
    "another host: %s (403 AccessDeniedException, nothing sent)",
    async (host) => {
      const up = upstream();
      const response = await createRelay({ fetch: up.fetch })(await signedRequest({ host }));
      const refusal = await refusalOf(response);
      expect(refusal.status).toBe(403);
      expect(refusal.code).toBe("AccessDeniedException");
      expect(refusal.message).toContain("SageMaker Runtime hosts only");
      // Readable by the page: the refusal carries CORS headers.
      expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
      expect(response.headers.get("access-control-expose-headers")).toContain("x-amzn-errortype");
      expect(up.calls).toHaveLength(0);
    },
  );

  const refusedPaths = [
    `/${HOST}/`,
    `/${HOST}/endpoints/echo`,
    `/${HOST}/endpoints/echo/invocations/extra`,
    `/${HOST}/endpoints/echo/constructor`,
    `/${HOST}/ping`,
    `/${HOST}/endpoints/echo/../../other/invocations`,
    `/${HOST}`,
    "/",
  ];
  it.each(refusedPaths)("another path: %s (404 UnknownOperationException)", async (path) => {
    const up = upstream();
    const response = await createRelay({ fetch: up.fetch })(unsignedRequest(path));
    expect(await refusalOf(response)).toMatchObject({
      status: 404,
      code: "UnknownOperationException",
    });
    expect(up.calls).toHaveLength(0);
  });

  it.each(["bad_name", "-dash", "a".repeat(64), "%41bc", ""])(
    "an endpoint name out of SageMaker's pattern: %s (400 ValidationError)",
    async (name) => {
      const up = upstream();
      const response = await createRelay({ fetch: up.fetch })(
        unsignedRequest(`/${HOST}/endpoints/${name}/invocations`),
      );
      expect(await refusalOf(response)).toMatchObject({ status: 400, code: "ValidationError" });
      expect(up.calls).toHaveLength(0);
    },
  );

  it.each(["GET", "PUT", "DELETE", "PATCH"])("%s (405, Allow: POST, OPTIONS)", async (method) => {
    const up = upstream();
    const signed = await signedRequest();
    const response = await createRelay({ fetch: up.fetch })(
      new Request(signed.url, { method, headers: signed.headers }),
    );
    expect(await refusalOf(response)).toMatchObject({
      status: 405,
      code: "MethodNotAllowedException",
    });
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect(up.calls).toHaveLength(0);
  });

  it("an unsigned request (403 MissingAuthenticationTokenException)", async () => {
    const up = upstream();
    const response = await createRelay({ fetch: up.fetch })(unsignedRequest());
    expect(await refusalOf(response)).toEqual({
      status: 403,
      code: "MissingAuthenticationTokenException",
      message:
        "The relay forwards only requests signed with SigV4 for SageMaker Runtime: Authorization is missing.",
    });
    expect(up.calls).toHaveLength(0);
  });

  it("a request whose Authorization is not a SigV4 signature for SageMaker (400 IncompleteSignatureException), without echoing it", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch });
    const signed = await signedRequest();
    const auth = signed.headers.get("authorization") as string;
    const cases: Record<string, string>[] = [
      { authorization: "Bearer eyJhbGciOi.secret-token" },
      {
        authorization:
          "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=" +
          "a".repeat(64),
      },
      {
        authorization: auth
          .replace("SignedHeaders=", "SignedHeaders=x-amz-foo;")
          .replace(/host;/, ""),
      },
      { authorization: auth.replace(/;x-amz-date/, "") },
      { "x-amz-date": "" },
      { "x-amz-date": "20000101T000000Z" },
    ];
    for (const change of cases) {
      const headers = new Headers(signed.headers);
      for (const [name, value] of Object.entries(change)) {
        if (value === "") headers.delete(name);
        else headers.set(name, value);
      }
      const response = await relay(
        new Request(signed.url, { method: "POST", headers, body: "{}" }),
      );
      const refusal = await refusalOf(response);
      expect(refusal, JSON.stringify(change)).toMatchObject({
        status: 400,
        code: "IncompleteSignatureException",
      });
      expect(refusal.message).not.toContain("secret-token");
    }
    expect(up.calls).toHaveLength(0);
  });

  it("origins not on the list, and requests with no Origin once there is a list (403, no CORS)", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch, allowedOrigins: [PAGE] });
    for (const origin of ["https://evil.example", "null", null]) {
      const response = await relay(await signedRequest({ origin }));
      expect(await refusalOf(response)).toMatchObject({
        status: 403,
        code: "AccessDeniedException",
      });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(up.calls).toHaveLength(0);
    expect((await relay(await signedRequest())).status).toBe(200);
  });

  it("takes a function for origins, called with the Origin", async () => {
    const seen: string[] = [];
    const relay = createRelay({
      fetch: upstream().fetch,
      allowedOrigins: async (origin) => {
        seen.push(origin);
        return origin.endsWith(".example.com");
      },
    });
    expect((await relay(await signedRequest())).status).toBe(200);
    expect((await relay(await signedRequest({ origin: "https://example.org" }))).status).toBe(403);
    expect(seen).toEqual([PAGE, "https://example.org"]);
  });

  it("endpoints not on the list, or refused by the function (403)", async () => {
    const up = upstream();
    for (const allowedEndpoints of [["sentiment"], (name: string) => name === "sentiment"]) {
      const relay = createRelay({ fetch: up.fetch, allowedEndpoints });
      const refused = await relay(await signedRequest());
      expect(await refusalOf(refused)).toEqual({
        status: 403,
        code: "AccessDeniedException",
        message: "Endpoint echo may not be called through this relay.",
      });
      const allowed = await relay(
        await signedRequest({ path: "/endpoints/sentiment/invocations" }),
      );
      expect(allowed.status).toBe(200);
    }
    expect(up.calls).toHaveLength(2);
  });

  it("a body over 6 MiB (413), by Content-Length or by what arrives", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch });
    const signed = await signedRequest();
    const big = new Uint8Array(6 * 1024 * 1024 + 1);
    const declared = new Headers(signed.headers);
    declared.set("content-length", String(big.length));
    const response = await relay(
      new Request(signed.url, { method: "POST", headers: declared, body: "x" }),
    );
    expect(await refusalOf(response)).toMatchObject({ status: 413, code: "ValidationError" });
    const streamed = await relay(
      new Request(signed.url, { method: "POST", headers: signed.headers, body: big }),
    );
    expect(streamed.status).toBe(413);
    expect(up.calls).toHaveLength(0);
  });

  it("an upstream that cannot be reached (502), or that redirects (502, not followed)", async () => {
    const failing = upstream(() => {
      throw new TypeError("fetch failed");
    });
    const unreachable = await createRelay({ fetch: failing.fetch })(await signedRequest());
    expect(await refusalOf(unreachable)).toEqual({
      status: 502,
      code: "BadGatewayException",
      message: `The relay could not reach ${HOST}.`,
    });
    const redirecting = upstream(
      () => new Response(null, { status: 302, headers: { location: "https://evil.example/" } }),
    );
    const redirected = await createRelay({ fetch: redirecting.fetch })(await signedRequest());
    expect(redirected.status).toBe(502);
    expect(redirected.headers.get("location")).toBeNull();
  });
});

describe("createRelay: security review", () => {
  it("a query string (400 ValidationError): no operation takes one, and it is never sent", async () => {
    const up = upstream();
    const relay = createRelay({ fetch: up.fetch });
    const signed = await signedRequest();
    for (const query of ["?x-id=InvokeEndpoint", "?a=1&b=2", "?%00"]) {
      const response = await relay(new Request(`${signed.url}${query}`, signed.clone()));
      expect(await refusalOf(response), query).toEqual({
        status: 400,
        code: "ValidationError",
        message: "The relay forwards no query string: SageMaker Runtime's operations take none.",
      });
      expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    }
    expect(up.calls).toHaveLength(0);
  });

  it("never reflects an origin it does not allow, whatever the method (403 before 405)", async () => {
    const relay = createRelay({ fetch: upstream().fetch, allowedOrigins: [PAGE] });
    for (const method of ["PUT", "GET", "DELETE"]) {
      const refused = await relay(
        new Request(`${RELAY}/${HOST}${INVOKE}`, {
          method,
          headers: { origin: "https://evil.example" },
        }),
      );
      expect(refused.status, method).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    }
    const preflight = await relay(
      new Request(`${RELAY}/${HOST}${INVOKE}`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.example", "access-control-request-method": "PUT" },
      }),
    );
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    // An allowed origin still learns that the method is wrong.
    const allowed = await relay(
      new Request(`${RELAY}/${HOST}${INVOKE}`, { method: "PUT", headers: { origin: PAGE } }),
    );
    expect(allowed.status).toBe(405);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(PAGE);
  });

  it("an app's hook that throws: 500 InternalFailure with a fixed message, nothing sent", async () => {
    const up = upstream();
    const boom = (): never => {
      throw new Error("hook failed near SECRET-DETAIL");
    };
    const cases = [
      { relay: createRelay({ fetch: up.fetch, allowedOrigins: boom }), cors: null },
      {
        relay: createRelay({ fetch: up.fetch, allowedOrigins: async () => boom() }),
        cors: null,
      },
      { relay: createRelay({ fetch: up.fetch, allowedEndpoints: boom }), cors: PAGE },
    ];
    for (const { relay, cors } of cases) {
      const response = await relay(await signedRequest());
      expect(await refusalOf(response)).toEqual({
        status: 500,
        code: "InternalFailure",
        message: "The relay failed to handle this request.",
      });
      // Failed before the origin was allowed: no CORS for it.
      expect(response.headers.get("access-control-allow-origin")).toBe(cors);
    }
    expect(up.calls).toHaveLength(0);
  });
});

describe("createRelay: the preflight", () => {
  const preflight = (path: string, origin = PAGE, method = "POST") =>
    new Request(`${RELAY}${path}`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": method,
        "access-control-request-headers":
          "authorization, content-type, x-amz-date, x-amz-content-sha256, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request, x-amzn-sagemaker-custom-attributes",
      },
    });

  it("answers it itself (204): POST, the headers asked for, the origin, a max age", async () => {
    const up = upstream();
    const response = await createRelay({ fetch: up.fetch })(preflight(`/${HOST}${INVOKE}`));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "authorization, content-type, x-amz-date, x-amz-content-sha256, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request, x-amzn-sagemaker-custom-attributes",
    );
    expect(response.headers.get("access-control-max-age")).toBe("7200");
    expect(response.headers.get("vary")).toContain("Origin");
    expect(up.calls).toHaveLength(0);
  });

  it("varies on Access-Control-Request-Headers, which it echoes", async () => {
    const response = await createRelay({ fetch: upstream().fetch })(preflight(`/${HOST}${INVOKE}`));
    const vary = (response.headers.get("vary") ?? "").split(/\s*,\s*/).map((v) => v.toLowerCase());
    expect(vary).toEqual(expect.arrayContaining(["origin", "access-control-request-headers"]));
  });

  it("fails it for an origin not allowed, or a method other than POST", async () => {
    const relay = createRelay({ fetch: upstream().fetch, allowedOrigins: [PAGE] });
    const evil = await relay(preflight(`/${HOST}${INVOKE}`, "https://evil.example"));
    expect(evil.status).toBe(403);
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    expect((await relay(preflight(`/${HOST}${INVOKE}`, PAGE, "PUT"))).status).toBe(405);
  });

  // Refused at the preflight, the page would see fetch's bare TypeError ("Failed to fetch");
  // refused on the actual request with CORS headers, it sees a typed error with its status.
  it.each([
    [
      "a host that is not SageMaker Runtime's",
      "/evil.example/endpoints/echo/invocations",
      403,
      "AccessDeniedException",
    ],
    [
      "an endpoint not allowed",
      `/${HOST}/endpoints/secret/invocations`,
      403,
      "AccessDeniedException",
    ],
    [
      "a path that is no operation",
      `/${HOST}/endpoints/echo/other`,
      404,
      "UnknownOperationException",
    ],
    ["a bad EndpointName", `/${HOST}/endpoints/bad_name/invocations`, 400, "ValidationError"],
    ["a query string", `/${HOST}${INVOKE}?a=1`, 400, "ValidationError"],
  ])(
    "accepts it for %s, and refuses the call itself, readable by the page",
    async (_, path, status, code) => {
      const up = upstream();
      const relay = createRelay({
        fetch: up.fetch,
        allowedOrigins: [PAGE],
        allowedEndpoints: ["echo"],
      });
      const answer = await relay(preflight(path));
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe(PAGE);

      const signed = await signedRequest({ path: INVOKE });
      const refused = await relay(new Request(`${RELAY}${path}`, signed));
      expect(await refusalOf(refused)).toMatchObject({ status, code });
      expect(refused.headers.get("access-control-allow-origin")).toBe(PAGE);
      expect(refused.headers.get("access-control-expose-headers")).toContain("x-amzn-errortype");
      expect(up.calls).toHaveLength(0);
    },
  );
});

describe("createRelay: options", () => {
  it.each([
    [{ allowedOrigins: "https://a.example" }, "allowedOrigins"],
    [{ allowedOrigins: ["not a url"] }, "allowedOrigins[0]"],
    [{ allowedOrigins: [PAGE, 42] }, "allowedOrigins[1]"],
    [{ allowedEndpoints: {} }, "allowedEndpoints"],
    [{ extraUpstreams: ["ftp://127.0.0.1"] }, "extraUpstreams[0]"],
    [{ extraUpstreams: ["http://127.0.0.1:8080/prefix"] }, "extraUpstreams[0]"],
    [{ extraUpstreams: ["http://user:pw@127.0.0.1:8080"] }, "extraUpstreams[0]"],
    [{ fetch: "fetch" }, "fetch"],
    [{ signing: { credentials: {}, authorize: () => true } }, "signing"],
  ])("%j is refused with a RelayConfigError naming %s", (options, field) => {
    let thrown: unknown;
    try {
      createRelay(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RelayConfigError);
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as RelayConfigError).field).toBe(field);
    expect((thrown as Error).message).toContain(field);
  });

  it("never puts a password of an upstream URL in its error", () => {
    expect(() => createRelay({ extraUpstreams: ["http://user:hunter2@127.0.0.1:8080"] })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});
