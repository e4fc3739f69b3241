import { demoEndpoints, orderedEndpoint } from "@sagefetch/testing/demoEndpoints";
import { setupMockService } from "@sagefetch/testing/startMock";
import { describe, expect, it } from "vitest";
import { readTokens, Session, SessionExpiredError, type SessionState } from "../../src/index";

const order: string[] = [];
const service = setupMockService({
  endpoints: { ...demoEndpoints, ordered: orderedEndpoint(order) },
  onReset: () => {
    order.length = 0;
  },
});

const ask = (inputs: string) => ({
  Body: JSON.stringify({ inputs }),
  ContentType: "application/json",
});

describe("Session: stateful sessions against the mock service", () => {
  it("opens, keeps the conversation, streams within it, and closes", async () => {
    const client = service.client();
    const states: SessionState[] = [];
    const session = await Session.open(client, { EndpointName: "chat" });
    session.subscribe((s) => states.push(s.state));
    expect(session.state).toBe("open");
    expect(session.id).toMatch(/\S/);
    expect(session.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 1_000_000);
    expect(service.mock.requests[0]?.headers["x-amzn-sagemaker-session-id"]).toBe("NEW_SESSION");

    const first = await session.invoke(ask("Hello"));
    expect(JSON.parse(first.Body.transformToString())).toEqual([
      { generated_text: 'Turn 1: you said "Hello".' },
    ]);
    const { Body } = await session.stream(ask("And then?"));
    let reply = "";
    for await (const token of readTokens(Body)) reply += token;
    expect(reply).toBe('Turn 2: you said "And then?". Before that you said "Hello".');

    await session.close();
    expect(session.state).toBe("closed");
    expect(states).toEqual(["closing", "closed"]);
    await expect(session.invoke(ask("still there?"))).rejects.toThrow(/closed/);
  });

  it("resumes a session by id (after a reload, say) and goes on with its history", async () => {
    const client = service.client();
    const first = await Session.open(client, { EndpointName: "chat" });
    await first.invoke(ask("Hello"));
    const resumed = Session.resume(
      client,
      { EndpointName: "chat" },
      { id: first.id ?? "", expiresAt: first.expiresAt },
    );
    expect(resumed.state).toBe("open");
    const out = await resumed.invoke(ask("Again"));
    expect(out.Body.transformToString()).toContain('Before that you said \\"Hello\\"');
    expect(() =>
      Session.resume(client, { EndpointName: "chat" }, { id: "", expiresAt: undefined }),
    ).toThrow("id must be a non-empty string");
  });

  it("sends the calls of a session one at a time, in order", async () => {
    const session = await Session.open(service.client(), { EndpointName: "ordered" });
    await Promise.all([
      session.invoke({ Body: JSON.stringify({ n: 1, wait: 60 }) }),
      session.invoke({ Body: JSON.stringify({ n: 2, wait: 0 }) }),
      session.invoke({ Body: JSON.stringify({ n: 3, wait: 20 }) }),
    ]);
    expect(order).toEqual(["1", "2", "3"]);
  });

  it("tells an expired session from other errors, without a request once its expiry has passed", async () => {
    const session = await Session.open(service.client(), { EndpointName: "chat" });
    session.expiresAt = new Date(Date.now() - 1000);
    const sent = service.mock.requests.length;
    const error = await session.invoke(ask("hi")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(session.state).toBe("expired");
    expect(service.mock.requests).toHaveLength(sent);
  });

  it("an id the endpoint no longer knows is a SessionExpiredError, with the service's error as cause", async () => {
    const session = await Session.open(service.client(), { EndpointName: "chat" });
    service.mock.sessions.clear();
    const error = await session.invoke(ask("hi")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect((error as Error).cause).toMatchObject({ name: "ModelError" });
    expect(session.state).toBe("expired");
  });

  it("other errors stay what they are", async () => {
    const session = await Session.open(service.client(), { EndpointName: "chat" });
    const error = await session
      .invoke({ Body: "{not json", ContentType: "application/json" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ModelError" });
    expect(session.state).toBe("open");
  });

  it("a stream holds the session's next call until the stream has ended", async () => {
    const session = await Session.open(service.client(), { EndpointName: "chat" });
    const { Body } = await session.stream(ask("Tell me more"));
    const next = session.invoke(ask("And now?"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.mock.requests.map((r) => r.operation)).toEqual([
      "InvokeEndpoint",
      "InvokeEndpointWithResponseStream",
    ]);
    for await (const _ of readTokens(Body)) {
      // read the stream to its end
    }
    await next;
    expect(service.mock.requests).toHaveLength(3);
  });

  it("a close that fails on the way leaves the session open, and can be tried again", async () => {
    const session = await Session.open(service.client({ maxAttempts: 1 }), {
      EndpointName: "chat",
    });
    service.mock.faults.drop();
    await expect(session.close()).rejects.toThrow();
    expect(session.state).toBe("open");
    await session.close();
    expect(session.state).toBe("closed");
  });
});
