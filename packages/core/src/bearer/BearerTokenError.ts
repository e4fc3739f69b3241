import { SagefetchClientError } from "../errors/SagefetchClientError";

/**
 * A bearer token could not be made or used: an option is out of range (`field` names it), the
 * credentials are unusable, or a request was about to carry the token to another host. The
 * message never holds the token nor the credentials.
 */
export class BearerTokenError extends SagefetchClientError {
  override readonly name = "BearerTokenError" as const;
  /** The option at fault, e.g. `expiresIn`, `region`, `credentials`; the URL for a refused host. */
  readonly field: string;

  constructor(field: string, message: string, cause?: unknown) {
    super({ message, cause });
    this.field = field;
  }
}
