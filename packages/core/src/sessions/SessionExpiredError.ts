import { SagefetchClientError } from "../errors/SagefetchClientError";

/** The session's expiry has passed (by the model's clock, or the service said so). */
export class SessionExpiredError extends SagefetchClientError {
  override readonly name = "SessionExpiredError" as const;
  readonly sessionId: string | undefined;
  constructor(options: { sessionId: string | undefined; cause?: unknown }) {
    super({
      message: `Stateful session ${options.sessionId ?? "(none)"} has expired or is no longer known to the endpoint.`,
      cause: options.cause,
    });
    this.sessionId = options.sessionId;
  }
}

/**
 * Whether an error means the session is gone (expired, closed, unknown to the endpoint), not
 * another failure. Session routing is the container's: AWS's reference container answers
 * `400 "Bad request: session not found: <id>"`, which SageMaker passes on as a ModelError
 * (424) with that as `OriginalMessage`; a 400 ValidationError from the service that says the
 * session expired or was not found counts too. Other model errors that merely mention a
 * session do not.
 */
export function isSessionGoneError(error: unknown): boolean {
  if (error instanceof SessionExpiredError) return true;
  const e = error as {
    name?: string;
    message?: string;
    OriginalMessage?: string;
    OriginalStatusCode?: number;
  } | null;
  const gone =
    /session (?:id )?(?:\S+ )?(?:not found|has expired|is expired|expired|does not exist)/i;
  if (e?.name === "ModelError") {
    return e.OriginalStatusCode === 400 && gone.test(e.OriginalMessage ?? e.message ?? "");
  }
  return e?.name === "ValidationError" && gone.test(e.message ?? "");
}
