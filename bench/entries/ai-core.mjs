// What a chat app on core alone imports: the client, the stream command, the chat reader and
// request builder, and the OpenAI route's token helpers — the base the provider adds to.
import {
  buildChatRequest,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  openAiRouteOptions,
  parseNewSessionId,
  readChatEvents,
  SageMakerRuntimeClient,
} from "@sagefetch/core";

export const app = {
  buildChatRequest,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  openAiRouteOptions,
  parseNewSessionId,
  readChatEvents,
  SageMakerRuntimeClient,
};
