import { sageMakerHandlers } from "@sagefetch/msw";
import { decodeMessages } from "@sagefetch/testing/eventStream";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { containerModel, pingContainer } from "./containerModel";
import { invoke, STREAM_ACTION, TEST_DATE } from "./internal/testing/signedInvoke";

// A model container is faked with MSW handlers on its own origin, so the whole path runs in one
// process: signed request → SageMaker mock → containerModel → container → back.
const CONTAINER = "http://container.test:8080";

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
const seen: Seen[] = [];
let healthy = true;

const container = [
  http.get(`${CONTAINER}/ping`, () => new HttpResponse(null, { status: healthy ? 200 : 503 })),
  http.post(`${CONTAINER}/invocations`, async ({ request }) => {
    const body = await request.text();
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      headers: Object.fromEntries(request.headers),
      body,
    });
    if (body === "fail") return new HttpResponse("out of memory", { status: 507 });
    if (body === "stream") {
      const encoder = new TextEncoder();
      return new HttpResponse(
        new ReadableStream({
          async start(controller) {
            for (const word of ["one ", "two ", "three"]) {
              controller.enqueue(encoder.encode(word));
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
            controller.close();
          },
        }),
        { headers: { "content-type": "text/plain" } },
      );
    }
    return HttpResponse.json(
      { echoed: body },
      {
        headers: {
          "x-amzn-sagemaker-custom-attributes": "container=1",
          "x-amzn-sagemaker-new-session-id": "s-9; Expires=2026-11-24T12:20:00Z",
        },
      },
    );
  }),
];

const mock = sageMakerHandlers({
  now: () => TEST_DATE.getTime(),
  endpoints: {
    real: containerModel(CONTAINER),
    mme: { model: containerModel(`${CONTAINER}/`), models: ["a.tar.gz"] },
    gone: containerModel("http://127.0.0.1:9", { timeoutMs: 2_000 }),
  },
});
const server = setupServer(...mock.handlers, ...container);

beforeAll(() => server.listen({ onUnhandledFrame: "bypass" }));
afterEach(() => {
  seen.length = 0;
  healthy = true;
  mock.reset();
});
afterAll(() => server.close());

describe("containerModel", () => {
  it("POSTs /invocations with the body, content type, accept and X-Amzn-SageMaker-* headers", async () => {
    const response = await invoke("mme", {
      body: '{"x":1}',
      headers: {
        accept: "application/json",
        "x-amzn-sagemaker-custom-attributes": "trace=1",
        "x-amzn-sagemaker-target-model": "a.tar.gz",
        "x-amzn-sagemaker-session-id": "NEW_SESSION",
        "x-amzn-sagemaker-inference-id": "inf-7",
      },
    });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", path: "/invocations", body: '{"x":1}' });
    expect(seen[0]?.headers).toMatchObject({
      "content-type": "application/json",
      accept: "application/json",
      "x-amzn-sagemaker-custom-attributes": "trace=1",
      "x-amzn-sagemaker-target-model": "a.tar.gz",
      "x-amzn-sagemaker-session-id": "NEW_SESSION",
      "x-amzn-sagemaker-inference-id": "inf-7",
    });
    // The client's signature and AWS headers are not the container's business.
    expect(Object.keys(seen[0]?.headers ?? {})).not.toContain("authorization");
    expect(Object.keys(seen[0]?.headers ?? {})).not.toContain("x-amz-date");
  });

  it("answers with the container's body, content type, custom attributes and session headers", async () => {
    const response = await invoke("real", { body: "hi" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ echoed: "hi" });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-amzn-sagemaker-custom-attributes")).toBe("container=1");
    expect(response.headers.get("x-amzn-sagemaker-new-session-id")).toBe(
      "s-9; Expires=2026-11-24T12:20:00Z",
    );
  });

  it("streams the container's chunks as PayloadParts, and sends the stream's Accept as Accept", async () => {
    const response = await invoke("real", {
      action: STREAM_ACTION,
      body: "stream",
      headers: { "x-amzn-sagemaker-accept": "text/plain" },
    });
    expect(response.status).toBe(200);
    expect(seen[0]?.headers.accept).toBe("text/plain");
    expect(seen[0]?.headers).not.toHaveProperty("x-amzn-sagemaker-accept");
    const messages = decodeMessages(new Uint8Array(await response.arrayBuffer()));
    const parts = messages.map((message) => new TextDecoder().decode(message.payload));
    expect(parts.join("")).toBe("one two three");
    expect(parts.length).toBeGreaterThanOrEqual(2);
  });

  it("relays a container error as 424 ModelError with its status and text", async () => {
    const response = await invoke("real", { body: "fail" });
    expect(response.status).toBe(424);
    const error = (await response.json()) as Record<string, unknown>;
    expect(error.OriginalStatusCode).toBe(507);
    expect(error.OriginalMessage).toBe("out of memory");
  });

  it("answers ModelError when the container cannot be reached", async () => {
    const response = await invoke("gone");
    expect(response.status).toBe(424);
    const error = (await response.json()) as Record<string, unknown>;
    expect(error.OriginalStatusCode).toBe(502);
    expect(error.OriginalMessage).toMatch(/^model container http:\/\/127\.0\.0\.1:9: /);
  });

  it("pingContainer reports a healthy container, an unhealthy one, and one not there", async () => {
    expect(await pingContainer(CONTAINER)).toBeUndefined();
    healthy = false;
    expect(await pingContainer(CONTAINER)).toBe("GET /ping answered 503");
    expect(await pingContainer("http://127.0.0.1:9")).toMatch(/^GET \/ping failed: /);
  });
});
