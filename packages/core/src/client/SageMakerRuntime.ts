import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  type InvokeEndpointCommandOutput,
} from "../commands/InvokeEndpointCommand";
import { SageMakerRuntimeClient, type SendOptions } from "./SageMakerRuntimeClient";

/**
 * The aggregated client, as the AWS SDK's `SageMakerRuntime`: one method per operation, for
 * those who prefer methods to commands and do not mind bundling every operation.
 */
export class SageMakerRuntime extends SageMakerRuntimeClient {
  /** Gets an inference from a model hosted at a SageMaker endpoint. */
  invokeEndpoint(
    input: InvokeEndpointCommandInput,
    options?: SendOptions,
  ): Promise<InvokeEndpointCommandOutput> {
    return this.send(new InvokeEndpointCommand(input), options);
  }
}
