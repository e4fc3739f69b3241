import { demoCredentials } from "@sagefetch/msw";
import { afterEach, describe, expect, it } from "vitest";
import {
  CorsBlockedError,
  InvokeEndpointCommand,
  RelayUnreachableError,
  SageMakerRuntimeClient,
  type SageMakerRuntimeClientConfig,
} from "../../src/index";

// biome-ignore lint/suspicious/noExplicitAny: the globals a page has and other runtimes lack
const g = globalThis as any;
/** Chromium's project: a real page, with its real fetch. Elsewhere a page is simulated. */
const realBrowser = typeof g.document === "object" && typeof g.location?.origin === "string";
const PAGE = realBrowser ? (g.location.origin as string) : "https://app.example.com";

const restores: (() => void)[] = [];
afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
});

/** Sets a property (removes it, for `undefined`) of `target` until the test ends. */
function stub(target: object, name: string, value: unknown): void {
  const had = Object.getOwnPropertyDescriptor(target, name);
  if (value === undefined) delete (target as Record<string, unknown>)[name];
  else Object.defineProperty(target, name, { value, configurable: true, writable: true });
  restores.push(() => {
    if (had) Object.defineProperty(target, name, had);
    else delete (target as Record<string, unknown>)[name];
  });
}

/**
 * Makes this runtime look like a page at PAGE (a no-op in a real browser): a DOM, a location,
 * and none of the globals of a server runtime (Node's `process.versions.node`, Deno, Bun).
 */
function inPage(): void {
  if (realBrowser) return;
  stub(g, "document", {});
  stub(g, "location", { origin: PAGE });
  for (const name of ["Deno", "Bun"]) if (name in g) stub(g, name, undefined);
  if (g.process?.versions?.node !== undefined) {
    stub(g.process, "versions", { ...g.process.versions, node: undefined });
  }
}

/** A fetch that fails as a browser's does on a CORS block, counting its calls. */
function blockedFetch(message = "Failed to fetch") {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    throw new TypeError(message);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

async function failure(config: SageMakerRuntimeClientConfig): Promise<Error> {
  const client = new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: { ...demoCredentials, sessionToken: "SESSION-TOKEN-SECRET" },
    maxAttempts: 3,
    ...config,
  });
  return client
    .send(
      new InvokeEndpointCommand({
        EndpointName: "my-ep",
        Body: "BODY-SECRET",
        CustomAttributes: "ATTRIBUTES-SECRET",
      }),
    )
    .then(
      () => {
        throw new Error("expected the call to fail");
      },
      (error: Error) => error,
    );
}

describe("a failed fetch that looks like a CORS block", () => {
  it("becomes, once the retries are spent, a CorsBlockedError that explains the relay", async () => {
    inPage();
    const blocked = blockedFetch();
    const error = await failure({ fetch: blocked.fetch });
    expect(error).toBeInstanceOf(CorsBlockedError);
    expect(error.name).toBe("CorsBlockedError");
    expect((error as CorsBlockedError).targetOrigin).toBe(
      "https://runtime.sagemaker.us-east-1.amazonaws.com",
    );
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `InvokeEndpoint on endpoint "my-ep": the browser blocked this call from ${PAGE} to https://runtime.sagemaker.us-east-1.amazonaws.com, which does not answer CORS (or the network failed). Set the client's \`relay\` option to a @sagefetch/relay (see decisions/0004-cors-relay.md).`,
    );
    for (const secret of ["SECRET", "wJalrXUtnFEMI", "AKIDEXAMPLE"]) {
      expect(error.message).not.toContain(secret);
    }
    // Retried as any network failure first: a page cannot tell it from a dropped connection.
    expect(blocked.calls).toHaveLength(3);
    expect((error as { $metadata?: { attempts?: number } }).$metadata?.attempts).toBe(3);
  });

  it("is retried, so that a dropped connection in a page still recovers", async () => {
    inPage();
    let calls = 0;
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials: demoCredentials,
      fetch: async () => {
        if (++calls === 1) throw new TypeError("Failed to fetch");
        return new Response("ok");
      },
    });
    const out = await client.send(new InvokeEndpointCommand({ EndpointName: "my-ep", Body: "x" }));
    expect(out.Body.transformToString()).toBe("ok");
    expect(out.$metadata.attempts).toBe(2);
  });

  it("is not what a failure after the answer began becomes (the server did answer)", async () => {
    inPage();
    const client = new SageMakerRuntimeClient({
      region: "us-east-1",
      credentials: demoCredentials,
      maxAttempts: 1,
      fetch: async () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.error(new TypeError("Failed to fetch"));
            },
          }),
        ),
    });
    const error = await client
      .send(new InvokeEndpointCommand({ EndpointName: "my-ep", Body: "x" }))
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.name).toBe("TypeError");
  });

  // Chromium only (not registered elsewhere): the real thing.
  if (realBrowser)
    it("comes from the browser's own fetch, for a cross-origin call that fails", async () => {
      // Nothing listens on port 9: the preflight fails as a CORS refusal would, with the same error.
      const error = await failure({ endpoint: "http://127.0.0.1:9", maxAttempts: 1 });
      expect(error.name).toBe("CorsBlockedError");
      expect((error as CorsBlockedError).targetOrigin).toBe("http://127.0.0.1:9");
    });

  it("is a RelayUnreachableError with a relay, at once: the relay answers its refusals with CORS", async () => {
    inPage();
    const blocked = blockedFetch();
    const error = await failure({ fetch: blocked.fetch, relay: "https://relay.example.com" });
    expect(error).toBeInstanceOf(RelayUnreachableError);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(blocked.calls).toHaveLength(1);
  });

  it("stays fetch's error for a same-origin call (no CORS there)", async () => {
    inPage();
    const blocked = blockedFetch();
    const error = await failure({
      fetch: blocked.fetch,
      endpoint: `${PAGE}/sagemaker`,
      maxAttempts: 1,
    });
    expect(error).toBeInstanceOf(TypeError);
  });

  it("stays fetch's error for errors other than TypeError, and for Node's `fetch failed`", async () => {
    inPage();
    const nodeStyle = await failure({ fetch: blockedFetch("fetch failed").fetch, maxAttempts: 1 });
    expect(nodeStyle.name).toBe("TypeError");
    const other = await failure({
      maxAttempts: 1,
      fetch: async () => {
        throw new RangeError("nope");
      },
    });
    expect(other.name).toBe("RangeError");
  });

  it.each(["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"])(
    "is what a browser's network failure (%s) becomes",
    async (message) => {
      inPage();
      const error = await failure({ fetch: blockedFetch(message).fetch, maxAttempts: 1 });
      expect(error).toBeInstanceOf(CorsBlockedError);
      expect((error.cause as Error).message).toBe(message);
    },
  );

  it.each([
    "Invalid header value",
    "Request cannot be constructed from a URL that includes credentials",
    "Failed to execute 'fetch' on 'Window': Illegal invocation",
    "network error",
    "terminated",
  ])(
    "stays fetch's error for a TypeError no browser's network failure has: %s",
    async (message) => {
      inPage();
      const error = await failure({ fetch: blockedFetch(message).fetch, maxAttempts: 1 });
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(message);
    },
  );

  it.each([
    ["Deno", { version: { deno: "2.0.0" } }],
    ["Bun", { version: "1.2.0" }],
    ["process", { versions: { node: "24.0.0" } }],
  ])("stays fetch's error under %s, even with a DOM shim", async (name, value) => {
    inPage();
    // A Deno worker has WorkerGlobalScope; DOM shims (happy-dom, linkedom) add a document.
    if (!realBrowser) stub(g, "WorkerGlobalScope", function WorkerGlobalScope() {});
    stub(g, name, value);
    const error = await failure({ fetch: blockedFetch().fetch, maxAttempts: 1 });
    expect(error.name).toBe("TypeError");
  });

  // Outside Chromium only: there is no "outside a browser" in a page.
  if (!realBrowser)
    it("stays fetch's error outside a browser", async () => {
      expect(g.document).toBeUndefined();
      const error = await failure({ fetch: blockedFetch().fetch, maxAttempts: 1 });
      expect(error.name).toBe("TypeError");
    });
});
