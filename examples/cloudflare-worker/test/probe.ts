// A test-only Worker around src/index.ts. When a browser goes away, workerd itself cancels the
// Worker's outstanding subrequests, which would hide a handler that forgot to cancel its call
// to SageMaker. Here the Worker's own request lives on: the probe drops its interest in
// /api/chat's answer (a cancelled body, or an aborted request.signal) and then holds its own
// answer open with a heartbeat (workerd ends a request with nothing pending as hung), so only
// the handler can stop the model's stream.

import type { Env, ExecutionContext } from "../src/env";
import worker from "../src/index";

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const how = new URL(request.url).searchParams.get("drop");
    const abort = new AbortController();
    const chat = new Request(new URL("/api/chat", request.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: "probe",
        trigger: "submit-message",
        messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "Go" }] }],
      }),
      signal: abort.signal,
    });
    const response = await worker.fetch(chat, env, ctx);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    // Up to the first token: by then the model is streaming.
    const decoder = new TextDecoder();
    let first = "";
    while (!first.includes('"type":"text-delta"')) {
      const { done, value } = await reader.read();
      if (done) break;
      first += decoder.decode(value, { stream: true });
    }
    if (how === "signal") abort.abort();
    else await reader.cancel();
    const encoder = new TextEncoder();
    const held = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(first));
      },
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.enqueue(encoder.encode("."));
      },
    });
    // (text/plain would be gzipped for the test's fetch, and held back until a block fills.)
    return new Response(held, { headers: { "content-type": "text/event-stream" } });
  },
};
