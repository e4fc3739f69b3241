import { SagefetchClientError } from "../errors/SagefetchClientError";

/**
 * An error answered by Amazon Cognito Identity or STS during sign-in: `name` is the service's
 * code (`NotAuthorizedException`, `ResourceNotFoundException`, `TooManyRequestsException`,
 * `InvalidIdentityPoolConfigurationException`, `InvalidIdentityToken`, …; `Unknown` when an
 * answer names none), as in the AWS SDK. Through a client it arrives as the `cause` of a
 * `CredentialsProviderError`.
 */
export class CognitoIdentityServiceException extends SagefetchClientError {
  override readonly name: string;
  readonly $fault: "client" | "server";
  constructor(options: {
    name: string;
    message: string;
    status: number;
    requestId: string | undefined;
  }) {
    super({
      message: options.message,
      $metadata: { httpStatusCode: options.status, requestId: options.requestId },
    });
    this.name = options.name;
    this.$fault = options.status >= 500 ? "server" : "client";
  }
}
