import { SagefetchClientError } from "@sagefetch/core";

/**
 * The provider was set up in a way it cannot work with: a required setting is missing, or a
 * setting asks for something unsafe (a bearer token through a relay). `field` names the setting.
 */
export class SageMakerProviderError extends SagefetchClientError {
  override readonly name = "SageMakerProviderError" as const;
  readonly field: string;

  constructor(field: string, message: string) {
    super({ message });
    this.field = field;
  }
}
