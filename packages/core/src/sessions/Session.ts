import type { SageMakerRuntimeClient, SendOptions } from "../client/SageMakerRuntimeClient";
import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  type InvokeEndpointCommandOutput,
} from "../commands/InvokeEndpointCommand";
import {
  InvokeEndpointWithResponseStreamCommand,
  type InvokeEndpointWithResponseStreamCommandInput,
  type InvokeEndpointWithResponseStreamCommandOutput,
} from "../commands/InvokeEndpointWithResponseStreamCommand";
import type { BodyInput } from "../http/toBodyBytes";
import { parseNewSessionId } from "./parseNewSessionId";
import { SessionClosedError } from "./SessionClosedError";
import { isSessionGoneError, SessionExpiredError } from "./SessionExpiredError";

export type SessionState = "opening" | "open" | "closing" | "closed" | "expired";

/** Fields every call of the session carries (routing), besides the endpoint. */
/** The input fields every call of a session shares. */
export type SessionSharedInput = Omit<
  InvokeEndpointCommandInput,
  "EndpointName" | "Body" | "SessionId"
>;

export interface SessionOptions extends SessionSharedInput {
  EndpointName: string;
  /** What asks the container to open a session. @default '{"requestType":"NEW_SESSION"}' */
  openBody?: BodyInput;
  /** What asks it to close one. @default '{"requestType":"CLOSE"}' */
  closeBody?: BodyInput;
}

/** `Session.invoke`'s input: InvokeEndpoint's, the endpoint and session being the session's. */
export type SessionInvokeInput = Omit<InvokeEndpointCommandInput, "EndpointName" | "SessionId">;
/** `Session.stream`'s input: InvokeEndpointWithResponseStream's, likewise. */
export type SessionStreamInput = Omit<
  InvokeEndpointWithResponseStreamCommandInput,
  "EndpointName" | "SessionId"
>;

/**
 * A stateful session on an endpoint (AWS's container convention): open it, invoke and stream
 * within it, close it. Calls are sent one at a time, in order, as a session's container
 * expects. The state is `opening`, `open`, `closing`, `closed` or `expired`; `subscribe` tells
 * a UI when it changes.
 */
export class Session {
  id: string | undefined;
  expiresAt: Date | undefined;
  state: SessionState = "opening";
  private readonly listeners = new Set<(session: Session) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly client: SageMakerRuntimeClient,
    private readonly options: SessionOptions,
  ) {}

  /** Opens a session (`SessionId: NEW_SESSION`) and reads its id and expiry. */
  static async open(
    client: SageMakerRuntimeClient,
    options: SessionOptions,
    send?: SendOptions,
  ): Promise<Session> {
    const session = new Session(client, options);
    const { openBody = '{"requestType":"NEW_SESSION"}', closeBody: _, ...shared } = options;
    const out = await client.send(
      new InvokeEndpointCommand({
        ContentType: "application/json",
        ...shared,
        Body: openBody,
        SessionId: "NEW_SESSION",
      }),
      send,
    );
    if (!out.NewSessionId) {
      throw new TypeError(
        `Endpoint ${options.EndpointName} opened no session: its answer had no NewSessionId.`,
      );
    }
    const info = parseNewSessionId(out.NewSessionId);
    session.id = info.id;
    session.expiresAt = info.expiresAt;
    session.setState("open");
    return session;
  }

  /**
   * Takes up a session opened earlier (its id kept across a page reload, say), without a
   * request: the next call says whether the container still has it (`isSessionGoneError`).
   * @example Session.resume(client, { EndpointName: "chat" }, parseNewSessionId(saved))
   */
  static resume(
    client: SageMakerRuntimeClient,
    options: SessionOptions,
    info: { id: string; expiresAt: Date | undefined },
  ): Session {
    if (typeof info.id !== "string" || info.id === "") {
      throw new TypeError("Session.resume: id must be a non-empty string");
    }
    const session = new Session(client, options);
    session.id = info.id;
    session.expiresAt = info.expiresAt;
    session.state = "open";
    return session;
  }

  /** Whether the session's expiry has passed (by the local clock). */
  isExpired(now: number = Date.now()): boolean {
    return (
      this.state === "expired" || (this.expiresAt !== undefined && this.expiresAt.getTime() <= now)
    );
  }

  /** InvokeEndpoint within the session. */
  invoke(input: SessionInvokeInput, send?: SendOptions): Promise<InvokeEndpointCommandOutput> {
    return this.inOrder(() => this.client.send(new InvokeEndpointCommand(this.input(input)), send));
  }

  /**
   * InvokeEndpointWithResponseStream within the session. The session's next call waits until
   * this stream has ended (read to the end, broken out of, or failed).
   */
  stream(
    input: SessionStreamInput,
    send?: SendOptions,
  ): Promise<InvokeEndpointWithResponseStreamCommandOutput> {
    let ended: () => void = () => {};
    const streamEnded = new Promise<void>((resolve) => {
      ended = resolve;
    });
    return this.inOrder(async () => {
      try {
        const out = await this.client.send(
          new InvokeEndpointWithResponseStreamCommand(this.input(input)),
          send,
        );
        return { ...out, Body: untilEnded(out.Body, ended) };
      } catch (error) {
        ended();
        throw error;
      }
    }, streamEnded);
  }

  /** Closes the session, and checks the endpoint says it closed this one. */
  close(send?: SendOptions): Promise<void> {
    return this.inOrder(async () => {
      this.setState("closing");
      const { openBody: _, closeBody = '{"requestType":"CLOSE"}', ...shared } = this.options;
      let out: InvokeEndpointCommandOutput;
      try {
        out = await this.client.send(
          new InvokeEndpointCommand({
            ContentType: "application/json",
            ...shared,
            Body: closeBody,
            SessionId: this.id,
          }),
          send,
        );
      } catch (error) {
        // Still open as far as we know (a network error, a timeout, an abort); a session the
        // endpoint no longer knows becomes `expired` in inOrder.
        this.setState("open");
        throw error;
      }
      if (out.ClosedSessionId !== this.id) {
        this.setState("open");
        throw new TypeError(
          `Closing session ${this.id}: the endpoint answered ClosedSessionId ${out.ClosedSessionId ?? "(none)"}.`,
        );
      }
      this.setState("closed");
    });
  }

  /** Calls `listener` on every change of state; returns the function that stops it. */
  subscribe(listener: (session: Session) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private input<T extends object>(input: T) {
    const { openBody: _o, closeBody: _c, ...shared } = this.options;
    return { ...shared, ...input, SessionId: this.id };
  }

  /** Runs `call` after the session's earlier calls (and after `holdUntil`, for a stream). */
  private inOrder<T>(call: () => Promise<T>, holdUntil?: Promise<void>): Promise<T> {
    const run = async () => {
      if (this.state === "closed") throw new SessionClosedError({ sessionId: this.id });
      if (this.isExpired()) {
        this.setState("expired");
        throw new SessionExpiredError({ sessionId: this.id });
      }
      try {
        return await call();
      } catch (error) {
        if (isSessionGoneError(error)) {
          this.setState("expired");
          throw new SessionExpiredError({ sessionId: this.id, cause: error });
        }
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.then(
      () => holdUntil,
      () => {},
    );
    return result;
  }

  private setState(state: SessionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.listeners) listener(this);
  }
}

/** Yields the stream's parts and calls `ended` once it is over, however it ends. */
async function* untilEnded<T>(
  body: AsyncIterable<T>,
  ended: () => void,
): AsyncGenerator<T, void, undefined> {
  try {
    yield* body;
  } finally {
    ended();
  }
}
