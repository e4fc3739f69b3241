import type { JSONObject, LanguageModelV4CallOptions } from "@ai-sdk/provider";
import {
  type ChatEvent,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  parseNewSessionId,
  readChatEvents,
  type SageMakerRuntimeClient,
} from "@sagefetch/core";
import type { SageMakerCallOptions, SageMakerModelSettings } from "./settings";

/** What a route gives back: the events, and what the finish part reports. */
export interface RouteCall {
  url: string;
  events: AsyncIterable<ChatEvent>;
  metadata: () => JSONObject;
  headers?: Record<string, string>;
}

/** `sessionId` values that open a new stateful session before the call. */
const OPEN_SESSION = new Set(["new", "NEW", "NEW_SESSION"]);

/**
 * The native route: `InvokeEndpointWithResponseStream` with the family's body, signed and retried
 * by core's client (through the relay in a page). A `sessionId` of `"new"` first opens a stateful
 * session (`InvokeEndpoint` with `NEW_SESSION`, the container's convention), then streams in it.
 */
export async function callNativeRoute(
  client: () => SageMakerRuntimeClient,
  endpointName: string,
  settings: SageMakerModelSettings,
  call: SageMakerCallOptions,
  body: Record<string, unknown>,
  options: LanguageModelV4CallOptions,
): Promise<RouteCall> {
  const sagemaker = client();
  const send = { abortSignal: options.abortSignal };
  const routing = {
    EndpointName: endpointName,
    ...(settings.inferenceComponent ? { InferenceComponentName: settings.inferenceComponent } : {}),
    ...((call.targetVariant ?? settings.targetVariant)
      ? { TargetVariant: call.targetVariant ?? settings.targetVariant }
      : {}),
  };
  let sessionId = call.sessionId;
  let newSessionId: string | undefined;
  if (sessionId !== undefined && OPEN_SESSION.has(sessionId)) {
    const opened = await sagemaker.send(
      new InvokeEndpointCommand({
        ...routing,
        ContentType: "application/json",
        Body: '{"requestType":"NEW_SESSION"}',
        SessionId: "NEW_SESSION",
      }),
      send,
    );
    newSessionId = opened.NewSessionId ? parseNewSessionId(opened.NewSessionId).id : undefined;
    sessionId = newSessionId;
  }
  const out = await sagemaker.send(
    new InvokeEndpointWithResponseStreamCommand({
      ...routing,
      ContentType: "application/json",
      Body: JSON.stringify(body),
      ...(sessionId ? { SessionId: sessionId } : {}),
      ...(call.customAttributes ? { CustomAttributes: call.customAttributes } : {}),
    }),
    send,
  );
  return {
    url: `sagemaker:endpoints/${endpointName}/invocations-response-stream`,
    events: readChatEvents(out.Body, settings.format ? { format: settings.format } : {}),
    metadata: () => ({
      ...(out.InvokedProductionVariant ? { invokedVariant: out.InvokedProductionVariant } : {}),
      ...(out.$metadata.requestId ? { requestId: out.$metadata.requestId } : {}),
      ...(sessionId ? { sessionId } : {}),
      ...(newSessionId ? { newSessionId } : {}),
    }),
  };
}
