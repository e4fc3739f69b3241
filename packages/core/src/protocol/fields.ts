/**
 * The service's constraints on the header and path fields, as data. Each rule is checked
 * before anything is signed or sent, so bad input never costs a request.
 */
export interface FieldRule {
  /** Fewest characters, where the service sets one. */
  min?: number;
  /** Most characters. */
  max: number;
  /** Whole-value pattern; errors quote its source. */
  pattern?: RegExp;
}

// `^[a-zA-Z0-9](-*[a-zA-Z0-9])*` in the model; anchored at both ends here because the value
// becomes a path segment or a routing header, where a trailing `/..` must never get through.
const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;
// `\A\S[\p{Print}]*\z`, restricted to what an HTTP header can carry (printable US-ASCII).
const PRINTABLE_ID = /^[\x21-\x7e][\x20-\x7e]*$/;
const COMPONENT = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const SESSION = /^(NEW_SESSION|[a-zA-Z0-9](-*[a-zA-Z0-9])*)$/;

/** The fields whose constraints are in the table below. */
export type RuledField =
  | "EndpointName"
  | "ContentType"
  | "Accept"
  | "CustomAttributes"
  | "TargetModel"
  | "TargetVariant"
  | "TargetContainerHostname"
  | "InferenceId"
  | "EnableExplanations"
  | "InferenceComponentName"
  | "SessionId"
  | "PrefixAwareId"
  | "InputLocation"
  | "S3OutputPathExtension"
  | "Filename";

export const FIELD_RULES: Readonly<Record<RuledField, FieldRule>> = {
  EndpointName: { max: 63, pattern: NAME },
  ContentType: { max: 1024 },
  Accept: { max: 1024 },
  CustomAttributes: { max: 1024 },
  TargetModel: { min: 1, max: 1024, pattern: PRINTABLE_ID },
  TargetVariant: { max: 63, pattern: NAME },
  TargetContainerHostname: { max: 63, pattern: NAME },
  InferenceId: { min: 1, max: 64, pattern: PRINTABLE_ID },
  EnableExplanations: { min: 1, max: 64 },
  InferenceComponentName: { max: 63, pattern: COMPONENT },
  SessionId: { max: 256, pattern: SESSION },
  PrefixAwareId: { min: 1, max: 1024 },
  InputLocation: { min: 1, max: 1024, pattern: /^(https|s3):\/\/([^/]+)\/?(.*)$/ },
  S3OutputPathExtension: { min: 1, max: 1024 },
  Filename: { min: 1, max: 1024 },
};

/** The integer fields of InvokeEndpointAsync, with their inclusive ranges. */
export const INTEGER_RANGES: Readonly<
  Record<"RequestTTLSeconds" | "InvocationTimeoutSeconds", readonly [number, number]>
> = {
  RequestTTLSeconds: [60, 21600],
  InvocationTimeoutSeconds: [1, 3600],
};

/** A response stream joins an open session only: `NEW_SESSION` is for InvokeEndpoint. */
export const EXISTING_SESSION_RULE: FieldRule = { max: 256, pattern: NAME };

/** The real-time payload limit: 6 MiB. */
export const MAX_BODY_BYTES: number = 6 * 1024 * 1024;
