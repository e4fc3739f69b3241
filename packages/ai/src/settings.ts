import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  ChatContainer,
  ChatMessage,
  ChatStreamFormat,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

/** How to reach SageMaker: what `new SageMakerRuntimeClient(...)` takes, or the client itself. */
export interface SageMakerProviderSettings {
  /** The endpoints' region, e.g. `us-east-1`. Required unless `client` is given. */
  region?: string;
  /** Credentials, or an async provider of them (`fromCognitoIdentityPool`, the AWS SDK's). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** The URL of a `@sagefetch/relay`, for pages (the native route only: see the README). */
  relay?: string;
  /** Another base URL than SageMaker Runtime's, e.g. a local emulator. */
  endpoint?: string;
  /** The fetch to send with. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** A client of your own, for the native route (its region, credentials and retries). */
  client?: SageMakerRuntimeClient;
}

/** A container family, or `openai` for the endpoint's OpenAI-compatible route. */
export type SageMakerContainer = ChatContainer | "openai";

/** What one model (an endpoint, or an inference component on it) is. */
export interface SageMakerModelSettings {
  /** The serving container's family: the body it takes and the stream it sends. */
  container: SageMakerContainer;
  /** An inference component on the endpoint. */
  inferenceComponent?: string;
  /** The production variant to invoke (`TargetVariant`). */
  targetVariant?: string;
  /** The `model` field of an OpenAI-shaped body, for containers that want one. */
  model?: string;
  /** How `tgi` and `lmi` bodies render the messages: the model's own chat template. */
  prompt?: (messages: ChatMessage[]) => string;
  /** The stream's format, when detection from the first line is not wanted. */
  format?: ChatStreamFormat;
}

/**
 * Per-call options, under `providerOptions.sagemaker` of `streamText`/`generateText`:
 * `sessionId` continues a stateful session (`"NEW"` opens one; the new id comes back in
 * `providerMetadata.sagemaker.newSessionId`), `customAttributes` is passed to the container.
 */
export interface SageMakerCallOptions {
  sessionId?: string;
  customAttributes?: string;
  targetVariant?: string;
}
