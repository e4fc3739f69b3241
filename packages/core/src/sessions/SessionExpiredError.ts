/** The session's expiry has passed (by the model's clock, or the service said so). */
export class SessionExpiredError extends Error {
  override name = "SessionExpiredError" as const;
  readonly sessionId: string | undefined;
  constructor(sessionId: string | undefined, cause?: unknown) {
    super(
      `Stateful session ${sessionId ?? "(none)"} has expired or is no longer known to the endpoint.`,
      cause === undefined ? undefined : { cause },
    );
    this.sessionId = sessionId;
  }
}

/**
 * Whether an error from the service means the session is gone (expired, closed, unknown), not
 * another failure: SageMaker answers such calls with a 400 whose message names the session.
 */
export function isSessionGoneError(error: unknown): boolean {
  if (error instanceof SessionExpiredError) return true;
  const e = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  } | null;
  const message = e?.message ?? "";
  return (
    (e?.name === "ValidationError" ||
      e?.name === "ModelError" ||
      e?.$metadata?.httpStatusCode === 400) &&
    /session/i.test(message) &&
    /expired|not found|invalid|closed|does not exist|unknown/i.test(message)
  );
}
