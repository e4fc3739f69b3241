import {
  type ModeledErrorOptions,
  SageMakerRuntimeServiceException,
} from "./SageMakerRuntimeServiceException";

/**
 * Bad input, or an endpoint that does not exist. Raised by the service (400), and by the
 * client before anything is sent, in which case `field` and `rule` say what was wrong.
 */
export class ValidationError extends SageMakerRuntimeServiceException {
  declare readonly name: "ValidationError";
  /** The input field that failed validation (client-side checks only). */
  field?: string;
  /** The rule it broke, e.g. `maxLength`, `pattern`, `ascii` (client-side checks only). */
  rule?: string;
  constructor(options: ModeledErrorOptions & { field?: string; rule?: string }) {
    super({ ...options, name: "ValidationError", $fault: "client" });
    if (options.field !== undefined) this.field = options.field;
    if (options.rule !== undefined) this.rule = options.rule;
  }
}

/** The model container answered with an error (424). */
export class ModelError extends SageMakerRuntimeServiceException {
  declare readonly name: "ModelError";
  /** HTTP status the container answered with. */
  OriginalStatusCode?: number;
  /** What the container answered. */
  OriginalMessage?: string;
  /** CloudWatch log stream of the container. */
  LogStreamArn?: string;
  constructor(
    options: ModeledErrorOptions & {
      OriginalStatusCode?: number;
      OriginalMessage?: string;
      LogStreamArn?: string;
    },
  ) {
    super({ ...options, name: "ModelError", $fault: "client" });
    this.OriginalStatusCode = options.OriginalStatusCode;
    this.OriginalMessage = options.OriginalMessage;
    this.LogStreamArn = options.LogStreamArn;
  }
}

/** The model is still loading (429); retried as a throttling error. */
export class ModelNotReadyException extends SageMakerRuntimeServiceException {
  declare readonly name: "ModelNotReadyException";
  constructor(options: ModeledErrorOptions) {
    super({ ...options, name: "ModelNotReadyException", $fault: "client" });
  }
}

/** The service failed (500). */
export class InternalFailure extends SageMakerRuntimeServiceException {
  declare readonly name: "InternalFailure";
  constructor(options: ModeledErrorOptions) {
    super({ ...options, name: "InternalFailure", $fault: "server" });
  }
}

/** The service is unavailable (503). */
export class ServiceUnavailable extends SageMakerRuntimeServiceException {
  declare readonly name: "ServiceUnavailable";
  constructor(options: ModeledErrorOptions) {
    super({ ...options, name: "ServiceUnavailable", $fault: "server" });
  }
}

/** A dependency of the service failed (530). Not retried. */
export class InternalDependencyException extends SageMakerRuntimeServiceException {
  declare readonly name: "InternalDependencyException";
  constructor(options: ModeledErrorOptions) {
    super({ ...options, name: "InternalDependencyException", $fault: "server" });
  }
}

/** The model failed while streaming its answer. */
export class ModelStreamError extends SageMakerRuntimeServiceException {
  declare readonly name: "ModelStreamError";
  /** The error code the model stream reported. */
  ErrorCode?: string;
  constructor(options: ModeledErrorOptions & { ErrorCode?: string }) {
    super({ ...options, name: "ModelStreamError", $fault: "client" });
    this.ErrorCode = options.ErrorCode;
  }
}

/** The service failed while streaming an answer. */
export class InternalStreamFailure extends SageMakerRuntimeServiceException {
  declare readonly name: "InternalStreamFailure";
  constructor(options: ModeledErrorOptions) {
    super({ ...options, name: "InternalStreamFailure", $fault: "server" });
  }
}
