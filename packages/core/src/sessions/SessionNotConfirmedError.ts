import { SagefetchClientError } from "../errors/SagefetchClientError";

/**
 * The endpoint answered a session's open or close without confirming it: no `NewSessionId`
 * after `NEW_SESSION`, or a `ClosedSessionId` that is not the session's. The container does not
 * keep sessions the way the call expects.
 */
export class SessionNotConfirmedError extends SagefetchClientError {
  override readonly name = "SessionNotConfirmedError" as const;
  /** The output field the answer lacked or got wrong. */
  readonly field: "NewSessionId" | "ClosedSessionId";
  constructor(options: { message: string; field: "NewSessionId" | "ClosedSessionId" }) {
    super(options);
    this.field = options.field;
  }
}
