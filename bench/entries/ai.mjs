// The same app with the AI SDK provider and the useChat transport on top (the `ai` package
// itself left out: the app has it either way).

import { createSageMaker } from "@sagefetch/ai";
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
export const sagemaker = createSageMaker({ region: "us-east-1", credentials: globalThis.creds });
