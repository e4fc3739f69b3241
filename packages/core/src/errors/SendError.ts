import type { ChatStreamError } from "../chat/ChatStreamError";
import type { CredentialsProviderError } from "../credentials/types";
import type { EventStreamError } from "../eventstream/EventStreamError";
import type { SessionClosedError } from "../sessions/SessionClosedError";
import type { SessionExpiredError } from "../sessions/SessionExpiredError";
import type {
  AbortError,
  CorsBlockedError,
  EndpointError,
  RelayUnreachableError,
  TimeoutError,
} from "./clientErrors";
import type {
  InternalDependencyException,
  InternalFailure,
  InternalStreamFailure,
  ModelError,
  ModelNotReadyException,
  ModelStreamError,
  ServiceUnavailable,
  ValidationError,
} from "./modeledErrors";
import type { SageMakerRuntimeServiceException } from "./SageMakerRuntimeServiceException";

/**
 * The codes of errors the service (or AWS in front of it) answers that its model does not list:
 * the common AWS codes (`ThrottlingException`, `ExpiredTokenException`, …; `Unknown` when an
 * answer names none). Typed as the shapes AWS codes take rather than as `string`, so that
 * comparing `name` with `"ValidationError"`, `"ModelError"` or `"ModelStreamError"` narrows to
 * that class and its fields (a modeled `…Exception` name narrows to it or an unmodeled one,
 * which share their fields). Codes of other shapes still arrive at run time.
 */
export type UnmodeledErrorCode =
  | `${string}Exception`
  | "Unknown"
  | "AuthFailure"
  | "BandwidthLimitExceeded"
  | "IncompleteSignature"
  | "InvalidClientTokenId"
  | "MissingAuthenticationToken"
  | "PriorRequestNotComplete"
  | "RequestExpired"
  | "RequestInTheFuture"
  | "RequestLimitExceeded"
  | "RequestThrottled"
  | "RequestTimeTooSkewed"
  | "SignatureDoesNotMatch"
  | "SlowDown"
  | "Throttling";

/** A service error the model does not list, as `SageMakerRuntimeServiceException`. */
export interface UnmodeledServiceError extends SageMakerRuntimeServiceException {
  readonly name: UnmodeledErrorCode;
}

/** The errors the service answers with, modeled or not. */
export type ServiceError =
  | ValidationError
  | ModelError
  | ModelNotReadyException
  | InternalFailure
  | ServiceUnavailable
  | InternalDependencyException
  | ModelStreamError
  | InternalStreamFailure
  | UnmodeledServiceError;

/** The errors the client raises on its own side of the wire. */
export type ClientSideError =
  | AbortError
  | TimeoutError
  | EndpointError
  | CorsBlockedError
  | RelayUnreachableError
  | CredentialsProviderError
  | EventStreamError
  | SessionExpiredError
  | SessionClosedError
  | ChatStreamError;

/**
 * What `client.send()`, a response stream, a session or a stream reader can fail with. `name`
 * narrows: `if (error.name === "ModelError") error.OriginalStatusCode`.
 * @example
 * catch (e) { const error = e as SendError; if (error.name === "TimeoutError") error.timeoutMs; }
 */
export type SendError = ServiceError | ClientSideError;
