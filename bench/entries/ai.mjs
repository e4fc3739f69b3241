// The same app with the AI SDK provider and the useChat transport on top (the `ai` package
// itself left out: the app has it either way).

import { createSageMaker } from "@sagefetch/ai";
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
export const sagemaker = createSageMaker({ region: "us-east-1", credentials: globalThis.creds });
