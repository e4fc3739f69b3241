import { describe, expect, it } from "vitest";
import { bearerTokenFetch } from "./bearerTokenFetch";

const ORIGIN = "https://runtime.sagemaker.us-east-1.amazonaws.com";

function recorder() {
  const seen: { url: string; authorization: string | null; body?: string }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    seen.push({
      url,
      authorization: new Headers(init?.headers).get("authorization"),
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    return new Response("{}");
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe("bearerTokenFetch", () => {
  it("puts the source's current token on each request, over any Authorization given", async () => {
    let n = 0;
    const { fetch, seen } = recorder();
    const tokenFetch = bearerTokenFetch({
      tokens: async () => `token-${++n}`,
      origin: `${ORIGIN}/endpoints/x/openai/v1`,
      fetch,
    });
    const url = `${ORIGIN}/endpoints/x/openai/v1/chat/completions`;
    await tokenFetch(url, {
      method: "POST",
      body: "{}",
      headers: { authorization: "Bearer placeholder" },
    });
    await tokenFetch(new Request(url, { headers: { Authorization: "Bearer other" } }));
    expect(seen).toEqual([
      { url, authorization: "Bearer token-1", body: "{}" },
      { url, authorization: "Bearer token-2", body: undefined },
    ]);
  });

  it("looks up the global fetch at each request", async () => {
    const original = globalThis.fetch;
    const { fetch, seen } = recorder();
    const tokenFetch = bearerTokenFetch({ tokens: async () => "t", origin: ORIGIN });
    globalThis.fetch = fetch;
    try {
      await tokenFetch(`${ORIGIN}/x`);
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toHaveLength(1);
  });

  it("refuses to send the token to another origin, before asking for one", async () => {
    let asked = 0;
    const { fetch, seen } = recorder();
    const tokenFetch = bearerTokenFetch({
      tokens: async () => `token-${++asked}`,
      origin: ORIGIN,
      fetch,
    });
    for (const url of [
      "https://relay.example.com/x",
      "http://runtime.sagemaker.us-east-1.amazonaws.com/x",
    ]) {
      await expect(tokenFetch(url)).rejects.toMatchObject({
        name: "BearerTokenError",
        field: "url",
      });
    }
    expect(asked).toBe(0);
    expect(seen).toEqual([]);
  });
});
