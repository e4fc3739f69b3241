/** What the client learned about the call that produced an output or an error. */
export interface ResponseMetadata {
  /** HTTP status of the last attempt, when one was answered. */
  httpStatusCode?: number;
  /** `x-amzn-RequestId` of the last answer. */
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  /** How many attempts were made (1 when the first succeeded). */
  attempts?: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay?: number;
}

export type ErrorFault = "client" | "server";

export interface ServiceExceptionOptions {
  name: string;
  $fault: ErrorFault;
  $metadata: ResponseMetadata;
  message?: string;
  Message?: string;
}

export type ModeledErrorOptions = Omit<ServiceExceptionOptions, "name" | "$fault">;

// Marks our errors so that guards work across two copies of the package (a bundle and a
// dependency), where `instanceof` alone would say no.
const SERVICE_EXCEPTION = Symbol.for("sagefetch.SageMakerRuntimeServiceException");

/**
 * Base of every error the service (or a proxy in front of it) answers with. Same name, fields
 * and `$fault`/`$metadata` as in `@aws-sdk/client-sagemaker-runtime`.
 */
export class SageMakerRuntimeServiceException extends Error {
  readonly $fault: ErrorFault;
  $metadata: ResponseMetadata;
  /** Set when the service marked the error as retryable. */
  $retryable?: { throttling?: boolean };
  /**
   * Declared as in the AWS SDK's types; like the AWS SDK, the client moves the service's
   * `Message` into `message` and leaves this unset.
   */
  Message?: string;

  constructor(options: ServiceExceptionOptions) {
    super(options.message ?? options.Message ?? "UnknownError");
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
    Object.defineProperty(this, SERVICE_EXCEPTION, { value: true });
  }

  /** True for any sagefetch service error, even one thrown by another copy of the package. */
  static isInstance(value: unknown): value is SageMakerRuntimeServiceException {
    return typeof value === "object" && value !== null && SERVICE_EXCEPTION in value;
  }
}
