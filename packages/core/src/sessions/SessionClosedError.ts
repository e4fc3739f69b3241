import { SagefetchClientError } from "../errors/SagefetchClientError";

/** A call on a session after `close()` ended it: open a new session instead. */
export class SessionClosedError extends SagefetchClientError {
  override readonly name = "SessionClosedError" as const;
  readonly sessionId: string | undefined;
  constructor(options: { sessionId: string | undefined }) {
    super({ message: `Stateful session ${options.sessionId ?? "(none)"} is closed.` });
    this.sessionId = options.sessionId;
  }
}
