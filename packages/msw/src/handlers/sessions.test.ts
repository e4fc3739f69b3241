import { readEventStream } from "@sagefetch/testing/eventStream";
import { afterEach, describe, expect, it } from "vitest";
import { type ModelRequest, sageMakerHandlers } from "../index";
import { fromUtf8 } from "../internal/bytes";
import { invoke, STREAM_ACTION, TEST_DATE } from "../internal/testing/invoke";
import { serveMock } from "../internal/testing/serveMock";

let now = TEST_DATE.getTime();
const seen: ModelRequest[] = [];

/** Counts the calls of each session in its state. */
function counter(request: ModelRequest) {
  seen.push(request);
  const state = request.session?.state;
  if (state) state.calls = ((state.calls as number | undefined) ?? 0) + 1;
  return { body: { calls: state?.calls ?? null, session: request.session?.id ?? null } };
}

const mock = sageMakerHandlers({
  now: () => now,
  endpoints: {
    stateful: { model: counter, sessions: {} },
    short: { model: counter, sessions: { ttlSeconds: 60 } },
    stateless: counter,
  },
});
serveMock(mock);
afterEach(() => {
  seen.length = 0;
  now = TEST_DATE.getTime();
});

const NEW = '{"requestType":"NEW_SESSION"}';
const CLOSE = '{"requestType":"CLOSE"}';
const session = (id: string) => ({ "x-amzn-sagemaker-session-id": id });

async function open(endpoint = "stateful"): Promise<{ id: string; header: string | null }> {
  const response = await invoke(endpoint, { body: NEW, headers: session("NEW_SESSION") });
  expect(response.status).toBe(200);
  const header = response.headers.get("x-amzn-sagemaker-new-session-id");
  return { id: header?.split(";")[0] ?? "", header };
}

async function refusal(response: Response) {
  const body = await response.json();
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype")?.split(":")[0],
    body,
  };
}

describe("stateful sessions", () => {
  it("NEW_SESSION opens a session: id and expiry (20 minutes by default) from the server clock", async () => {
    const { id, header } = await open();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(header).toBe(`${id}; Expires=2026-11-24T12:20:00Z`);
    expect(seen).toEqual([]);
    expect(mock.sessions.get("stateful", id)).toMatchObject({
      id,
      expiresAt: new Date("2026-11-24T12:20:00Z"),
      state: {},
    });
  });

  it("gives the model the session and keeps its state between calls", async () => {
    const { id } = await open();
    const first = await (await invoke("stateful", { headers: session(id) })).json();
    const second = await (await invoke("stateful", { headers: session(id) })).json();
    expect([first, second]).toEqual([
      { calls: 1, session: id },
      { calls: 2, session: id },
    ]);
    expect(seen[1]?.session).toBe(seen[0]?.session);
    expect(seen[1]?.session?.expiresAt).toEqual(new Date("2026-11-24T12:20:00Z"));
    const other = await open();
    expect(await (await invoke("stateful", { headers: session(other.id) })).json()).toEqual({
      calls: 1,
      session: other.id,
    });
  });

  it("CLOSE closes it and answers its id; the id is refused afterwards", async () => {
    const { id } = await open();
    const closed = await invoke("stateful", { body: CLOSE, headers: session(id) });
    expect(closed.status).toBe(200);
    expect(closed.headers.get("x-amzn-sagemaker-closed-session-id")).toBe(id);
    expect(await closed.text()).toBe(`Session ${id} closed`);
    const after = await refusal(await invoke("stateful", { headers: session(id) }));
    expect(after).toMatchObject({
      status: 424,
      type: "ModelError",
      body: {
        OriginalStatusCode: 400,
        OriginalMessage: `{"detail":"Bad request: session not found: ${id}"}`,
      },
    });
    expect(after.body.Message).toMatch(
      /^Received client error \(400\) from primary with message "\{"detail":"Bad request: session not found: .*"\}"\. See https:/,
    );
  });

  it("refuses an unknown id, and an expired one once the server clock passes its expiry", async () => {
    const unknown = await refusal(await invoke("stateful", { headers: session("nope") }));
    expect(unknown.body.OriginalMessage).toBe('{"detail":"Bad request: session not found: nope"}');
    const { id, header } = await open("short");
    expect(header).toBe(`${id}; Expires=2026-11-24T12:01:00Z`);
    now += 60_000;
    expect((await invoke("short", { headers: session(id) })).status).toBe(200);
    now += 1_000;
    const expired = await refusal(await invoke("short", { headers: session(id) }));
    expect([expired.status, expired.body.OriginalMessage]).toEqual([
      424,
      `{"detail":"Bad request: session not found: ${id}"}`,
    ]);
    expect(mock.sessions.get("short", id)).toBeUndefined();
  });

  it("refuses CLOSE without a session, and a malformed session request", async () => {
    const noId = await refusal(await invoke("stateful", { body: CLOSE }));
    expect(noId.body.OriginalMessage).toBe(
      '{"detail":"Session ID is required in request headers to close a session"}',
    );
    const bad = await refusal(await invoke("stateful", { body: '{"requestType":"OPEN"}' }));
    expect([bad.status, bad.body.OriginalStatusCode]).toEqual([424, 400]);
    const extra = await invoke("stateful", { body: '{"requestType":"NEW_SESSION","x":1}' });
    expect(extra.status).toBe(424);
  });

  it("sessions belong to their endpoint", async () => {
    const { id } = await open("stateful");
    expect((await invoke("short", { headers: session(id) })).status).toBe(424);
  });

  it("lets a stream request join an open session, and refuses an unknown one before streaming", async () => {
    const { id } = await open();
    const response = await invoke("stateful", { action: STREAM_ACTION, headers: session(id) });
    const read = await readEventStream(response.body);
    expect(fromUtf8(read.messages[0]?.payload ?? new Uint8Array())).toBe(
      JSON.stringify({ calls: 1, session: id }),
    );
    const unknown = await invoke("stateful", { action: STREAM_ACTION, headers: session("gone") });
    expect(unknown.status).toBe(424);
  });

  it("without `sessions`, leaves session headers and bodies to the model", async () => {
    const response = await invoke("stateless", { body: NEW, headers: session("NEW_SESSION") });
    expect(response.status).toBe(200);
    expect(response.headers.has("x-amzn-sagemaker-new-session-id")).toBe(false);
    expect(seen[0]).toMatchObject({ sessionId: "NEW_SESSION", session: undefined });
  });

  it("checks the SessionId header's form first", async () => {
    const response = await invoke("stateful", { headers: session("not_valid!") });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain(
      "at 'sessionId' failed to satisfy constraint",
    );
  });

  it("reset() forgets every session", async () => {
    const { id } = await open();
    expect(mock.sessions.size).toBe(1);
    mock.reset();
    expect(mock.sessions.size).toBe(0);
    expect((await invoke("stateful", { headers: session(id) })).status).toBe(424);
  });
});
