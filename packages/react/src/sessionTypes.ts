import type {
  InvokeEndpointCommandInput,
  InvokeEndpointWithResponseStreamCommandInput,
  SessionOptions,
  SessionState,
} from "@sagefetch/core";
import type { StreamResult } from "./streamTypes";
import type { Decoder, InvokeResult } from "./types";

/** The fields a session's calls share (routing, content type) and how it opens and closes. */
export type SessionFields = Omit<SessionOptions, "EndpointName">;
export type SessionCallInput = Omit<InvokeEndpointCommandInput, "EndpointName" | "SessionId">;
export type SessionStreamInput = Omit<
  InvokeEndpointWithResponseStreamCommandInput,
  "EndpointName" | "SessionId"
>;

/** A session once opened. `state` turns `expired` when `expiresAt` passes. */
export interface OpenedSessionView {
  readonly id: string;
  readonly expiresAt: Date | undefined;
  readonly state: Exclude<SessionState, "opening">;
}

/** A session being opened: no id or expiry yet. */
export interface OpeningSessionView {
  readonly id: undefined;
  readonly expiresAt: undefined;
  readonly state: "opening";
}

/** A session as the UI shows it: `opening` (no id yet), then `open`, `closing`, `closed`, `expired`. */
export type SessionView = OpenedSessionView | OpeningSessionView;

/** The calls of one open session, sent one at a time, in order. */
export interface SessionCalls<TData> {
  /** InvokeEndpoint within the session. Rejects on error (`SessionExpiredError` once gone). */
  invoke(input: SessionCallInput): Promise<InvokeResult<TData>>;
  /**
   * Streams within the session into the hook's `text`/`parts`/`status`. Resolves once the
   * stream has ended, however it ended, with its result; never rejects.
   */
  stream(input: SessionStreamInput): Promise<StreamResult>;
  /** Closes the session (`{"requestType":"CLOSE"}`); a failure shows in `sessionError` too. */
  close(): Promise<void>;
}

/** What `open()` resolves with; `state` and `expiresAt` follow the session. */
export type OpenSession<TData> = OpenedSessionView & SessionCalls<TData>;

/**
 * The session's own options: its endpoint, its shared fields (`ContentType`, `TargetVariant`,
 * `InferenceComponentName`, `openBody`, `closeBody`, ...), how answers are decoded, and how
 * it is kept, closed and warned about.
 */
export interface StatefulSessionOptions<TData = unknown> extends SessionFields {
  /** The endpoint whose container keeps the session. @example "chat" */
  endpointName: string;
  /**
   * Turns the answers of `invoke` into `data`.
   * @default decodeBody
   */
  decode?: Decoder<TData>;
  /**
   * Keep the session id in `sessionStorage` (per tab), under this key or, with `true`,
   * `sagefetch:session:<endpointName>`, and take it up again after a reload.
   * @default false
   */
  persist?: boolean | string;
  /**
   * Close the session when the component unmounts (not on a reload: see `persist`), and
   * forget its kept id. An open under way is aborted; a session it opens anyway is closed.
   * @default false
   */
  closeOnUnmount?: boolean;
  /**
   * How long before `expiresAt` `expiresSoon` turns true and `onExpiresSoon` is called.
   * @default 60000
   */
  warnBeforeMs?: number;
  /** Called once per session, when it is `warnBeforeMs` from expiring. */
  onExpiresSoon?: (session: OpenedSessionView) => void;
}
