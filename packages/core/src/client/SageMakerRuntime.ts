import {
  InvokeEndpointAsyncCommand,
  type InvokeEndpointAsyncCommandInput,
  type InvokeEndpointAsyncCommandOutput,
} from "../commands/InvokeEndpointAsyncCommand";
import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  type InvokeEndpointCommandOutput,
} from "../commands/InvokeEndpointCommand";
import {
  InvokeEndpointWithResponseStreamCommand,
  type InvokeEndpointWithResponseStreamCommandInput,
  type InvokeEndpointWithResponseStreamCommandOutput,
} from "../commands/InvokeEndpointWithResponseStreamCommand";
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

  /** Gets an inference as a stream of parts. */
  invokeEndpointWithResponseStream(
    input: InvokeEndpointWithResponseStreamCommandInput,
    options?: SendOptions,
  ): Promise<InvokeEndpointWithResponseStreamCommandOutput> {
    return this.send(new InvokeEndpointWithResponseStreamCommand(input), options);
  }

  /** Queues an inference on an asynchronous endpoint. */
  invokeEndpointAsync(
    input: InvokeEndpointAsyncCommandInput,
    options?: SendOptions,
  ): Promise<InvokeEndpointAsyncCommandOutput> {
    return this.send(new InvokeEndpointAsyncCommand(input), options);
  }
}
