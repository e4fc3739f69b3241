// The README's Node example (`createServer(toNodeHandler(relay))`), run as written in a process
// of its own, against a local stand-in for SageMaker Runtime, and everything a client can do to
// it: go away mid-answer or mid-body, stop reading, send an absolute-form request line or a
// `Host` that is no host. The process must stay up and keep answering.
import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toNodeHandler } from "../../src/node/index";
import { PAGE, signedRequest } from "../helpers/requests";
import { type RunningExample, startReadmeExample } from "./readmeServer";

const STREAM = "/endpoints/stream/invocations-response-stream";
const BIG = "/endpoints/big/invocations-response-stream";
const HELD = "/endpoints/held/invocations";
const BIG_BYTES = 32 * 1024 * 1024;

/** SageMaker Runtime's stand-in: records how each answer ended, and how much of it went out. */
function startUpstream() {
  const ended: { path: string; aborted: boolean; written: number }[] = [];
  const received: string[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "";
    const record = { path, aborted: false, written: 0 };
    res.once("close", () => {
      record.aborted = !res.writableFinished;
      ended.push(record);
      for (const wake of waiters.splice(0)) wake();
    });
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      received.push(path);
      for (const wake of waiters.splice(0)) wake();
      if (path === HELD) return; // never answers: the client gives up first
      const headers = { "content-type": "application/json", "x-amzn-requestid": "r-1" };
      if (path === STREAM) {
        res.writeHead(200, headers);
        // A part every 20 ms, for 10 s: a client stops long before.
        for (let i = 0; i < 500 && !res.destroyed; i++) {
          res.write(`part ${i};`);
          record.written++;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        res.end();
      } else if (path === BIG) {
        res.writeHead(200, headers);
        const chunk = Buffer.alloc(64 * 1024, 97);
        while (record.written < BIG_BYTES && !res.destroyed) {
          record.written += chunk.length;
          if (!res.write(chunk)) await once(res, "drain").catch(() => {});
        }
        res.end();
      } else {
        res.writeHead(200, headers).end(Buffer.concat(chunks));
      }
    });
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return {
    server,
    ended,
    received,
    /** Resolves once a request on `path` has reached it whole. */
    receivedOf: (path: string) => until(() => received.includes(path)),
    /** Resolves once an answer on `path` has ended. */
    async endOf(path: string) {
      for (;;) {
        const found = ended.find((r) => r.path === path);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

let upstream: ReturnType<typeof startUpstream>;
let upstreamHost: string;
let relay: RunningExample;

beforeAll(async () => {
  upstream = startUpstream();
  await new Promise<void>((resolve) => upstream.server.listen(0, "127.0.0.1", resolve));
  upstreamHost = `127.0.0.1:${(upstream.server.address() as { port: number }).port}`;
  relay = await startReadmeExample(`http://${upstreamHost}`);
}, 30_000);

afterAll(async () => {
  await relay?.stop();
  upstream?.server.closeAllConnections();
  await new Promise((resolve) => (upstream?.server as Server | undefined)?.close(resolve));
});

afterEach(() => {
  upstream.ended.length = 0;
  upstream.received.length = 0;
});

/** A signed request to the relay, as the page sends it. */
async function signed(path: string, body = '{"inputs":"hi"}') {
  const request = await signedRequest({ host: upstreamHost, path, body, relay: relay.url });
  return { url: request.url, headers: Object.fromEntries(request.headers), body };
}

/** Sends a signed request to the relay. */
const send = (call: Awaited<ReturnType<typeof signed>>, init: RequestInit = {}) =>
  fetch(call.url, { method: "POST", headers: call.headers, body: call.body, ...init });

/** Still running, and still answering. */
async function expectUp() {
  const call = await signed("/endpoints/echo/invocations", '{"after":true}');
  const response = await send(call);
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('{"after":true}');
  expect(relay.child.exitCode).toBeNull();
  expect(relay.stderr()).toBe("");
}

/**
 * Sends raw bytes on a new connection and resolves with all that comes back (the request says
 * `connection: close`; ending our side first would make Node's server abort the request).
 */
async function raw(bytes: string): Promise<string> {
  const port = Number(new URL(relay.url).port);
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.write(bytes);
  let text = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => {
    text += chunk;
  });
  await once(socket, "close");
  return text;
}

describe("the README's Node example: createServer(toNodeHandler(relay))", () => {
  it("answers a preflight and forwards a signed call, with CORS headers", async () => {
    const preflight = await fetch(`${relay.url}/${upstreamHost}/endpoints/echo/invocations`, {
      method: "OPTIONS",
      headers: {
        origin: PAGE,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, x-amz-date",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(PAGE);

    const call = await signed("/endpoints/echo/invocations", '{"inputs":"hello"}');
    const response = await send(call);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"inputs":"hello"}');
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(response.headers.get("x-amzn-requestid")).toBe("r-1");
  });

  it("streams parts as they come, and refuses what the relay refuses", async () => {
    const call = await signed(STREAM);
    const abort = new AbortController();
    const response = await send(call, { signal: abort.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^part 0;/);
    abort.abort();

    const unsigned = await fetch(`${relay.url}/${upstreamHost}/endpoints/echo/invocations`, {
      method: "POST",
      headers: { origin: PAGE },
      body: "{}",
    });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    await expectUp();
  });

  it("a client that goes away mid-stream: the upstream call is aborted, the process stays up", async () => {
    const call = await signed(STREAM);
    const client = httpRequest(call.url, { method: "POST", headers: call.headers });
    client.on("error", () => {});
    client.end(call.body);
    const [response] = (await once(client, "response")) as [IncomingMessage];
    await once(response, "data");
    client.destroy();
    const ended = await upstream.endOf(STREAM);
    expect(ended.aborted).toBe(true);
    expect(ended.written).toBeLessThan(500);
    await expectUp();
  });

  it("a client that goes away before the answer: the upstream call is aborted, the process stays up", async () => {
    const call = await signed(HELD);
    const client = httpRequest(call.url, { method: "POST", headers: call.headers });
    client.on("error", () => {});
    client.end(call.body);
    await upstream.receivedOf(HELD);
    client.destroy();
    expect((await upstream.endOf(HELD)).aborted).toBe(true);
    await expectUp();
  });

  it("a client that goes away mid-body: the process stays up", async () => {
    const call = await signed("/endpoints/echo/invocations");
    const client = httpRequest(call.url, {
      method: "POST",
      headers: { ...call.headers, "content-length": "100000" },
    });
    client.on("error", () => {});
    client.write("{");
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectUp();
  });

  it("backpressure: a client that stops reading holds the upstream back; it gets every byte", async () => {
    const call = await signed(BIG);
    const client = httpRequest(call.url, { method: "POST", headers: call.headers });
    client.end(call.body);
    const [response] = (await once(client, "response")) as [IncomingMessage];
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(upstream.ended).toHaveLength(0);
    let received = 0;
    response.on("data", (chunk: Buffer) => {
      received += chunk.length;
    });
    response.resume();
    await once(response, "end");
    expect(received).toBe(BIG_BYTES);
    const ended = await upstream.endOf(BIG);
    expect(ended).toMatchObject({ aborted: false, written: BIG_BYTES });
    await expectUp();
  }, 20_000); // 32 MiB through two processes on busy cores

  it("an absolute-form request line (POST http://relay/…) is served as its path", async () => {
    const call = await signed("/endpoints/echo/invocations", '{"absolute":1}');
    const path = new URL(call.url).pathname;
    const headers = Object.entries(call.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    const answer = await raw(
      `POST http://relay.example${path} HTTP/1.1\r\nHost: relay.example\r\n${headers}` +
        `content-length: ${call.body.length}\r\nconnection: close\r\n\r\n${call.body}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"absolute":1}');
    await expectUp();
  });

  it.each([
    ["Host: a b", "the Host header is not a host name"],
    ["Host: a/b", "the Host header is not a host name"],
    ["Host: [::1", "the Host header is not a host name"],
  ])("%s: 400 BadRequestException naming it", async (host, problem) => {
    const answer = await raw(
      `POST /${upstreamHost}/endpoints/echo/invocations HTTP/1.1\r\n${host}\r\n` +
        "content-length: 2\r\nconnection: close\r\n\r\n{}",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.toLowerCase()).toContain("x-amzn-errortype: badrequestexception");
    expect(answer).toContain(problem);
    await expectUp();
  });

  it.each(["OPTIONS * HTTP/1.1", "POST ftp://x/y HTTP/1.1", "TRACE / HTTP/1.1", "GET / HTTP/1.0"])(
    "%s: answered, the process stays up",
    async (line) => {
      const answer = await raw(
        `${line}\r\nHost: relay.example\r\norigin: ${PAGE}\r\nconnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.[01] (400|404|405) /);
      await expectUp();
    },
  );
});

describe("toNodeHandler with a handler that fails", () => {
  async function serving(handler: (request: Request) => Promise<Response>) {
    const server = createServer(toNodeHandler(handler));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    return {
      url,
      close: () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    };
  }

  it("answers 500 when the handler rejects before answering", async () => {
    const running = await serving(async () => {
      throw new Error("wrapped handler failed");
    });
    try {
      const response = await fetch(running.url, { method: "POST", body: "{}" });
      expect(response.status).toBe(500);
    } finally {
      await running.close();
    }
  });

  it("cuts the connection when the answer fails mid-body: the client sees it truncated", async () => {
    const running = await serving(
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              controller.enqueue(new TextEncoder().encode("part 1;"));
              controller.error(new Error("upstream cut"));
            },
          }),
        ),
    );
    try {
      const outcome = await fetch(running.url, { method: "POST", body: "{}" })
        .then((response) => response.text())
        .then(
          () => "complete",
          () => "cut",
        );
      expect(outcome).toBe("cut");
    } finally {
      await running.close();
    }
  });

  it("refuses a handler that is not a function", () => {
    expect(() => toNodeHandler(undefined as never)).toThrow(TypeError);
  });
});
