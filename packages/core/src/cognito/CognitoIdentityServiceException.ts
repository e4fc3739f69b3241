import type { ResponseMetadata } from "../errors/SageMakerRuntimeServiceException";

/**
 * An error answered by Amazon Cognito Identity or STS during sign-in: `name` is the service's
 * code (`NotAuthorizedException`, `ResourceNotFoundException`, `TooManyRequestsException`,
 * `InvalidIdentityPoolConfigurationException`, `InvalidIdentityToken`, …), as in the AWS SDK.
 */
export class CognitoIdentityServiceException extends Error {
  readonly $fault: "client" | "server";
  $metadata: ResponseMetadata;
  constructor(name: string, message: string, status: number, requestId: string | undefined) {
    super(message);
    this.name = name;
    this.$fault = status >= 500 ? "server" : "client";
    this.$metadata = { httpStatusCode: status, requestId };
  }
}
