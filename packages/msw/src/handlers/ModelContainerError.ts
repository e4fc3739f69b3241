/** Thrown by a model to choose what the "container" answered: status and message. */
export class ModelContainerError extends Error {
  readonly originalStatusCode: number;
  readonly originalMessage: string;

  constructor(originalStatusCode: number, originalMessage: string) {
    super(originalMessage);
    this.name = "ModelContainerError";
    this.originalStatusCode = originalStatusCode;
    this.originalMessage = originalMessage;
  }
}

/**
 * For a model to throw: the endpoint answers 424 ModelError with this original status and
 * message, as SageMaker does when the container answers with an error.
 *
 * @example
 * model: (req) => { throw modelError(400, "expected a JSON array") }
 */
export function modelError(status: number, message: string): ModelContainerError {
  return new ModelContainerError(status, message);
}
