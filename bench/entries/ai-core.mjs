// What a chat app on core alone imports: the client, the stream command, the chat reader and
// request builder, the OpenAI route's token helpers and the error helpers — every part of core
// the provider uses, so that the difference is the provider's own code and @ai-sdk/provider.
import {
  buildChatRequest,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  isRetryableError,
  openAiRouteOptions,
  parseNewSessionId,
  readChatEvents,
  SagefetchClientError,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

export const app = {
  buildChatRequest,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  isRetryableError,
  openAiRouteOptions,
  parseNewSessionId,
  readChatEvents,
  SageMakerRuntimeClient,
  SagefetchClientError,
};
