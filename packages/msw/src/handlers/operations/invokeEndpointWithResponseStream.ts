import { HttpResponse } from "msw";
import { serviceHeaders } from "../../internal/awsResponse";
import { checkString } from "../../internal/validationMessage";
import type { ModelOutput } from "../modelTypes";
import { eventMessages, type OutgoingMessage, payloadPart } from "../streaming/eventMessages";
import { eventStreamBody } from "../streaming/streamBody";
import type { OperationContext } from "./context";
import { MAX_PAYLOAD_BYTES } from "./invokeEndpoint";
import { modelErrorResponse } from "./modelErrorResponse";
import { prepareCall } from "./prepareCall";
import { encodeModelBody } from "./resolveOutput";
import { resolveTarget } from "./resolveTarget";

/** `SessionIdHeader`: the stream operation only joins an existing session. */
const SESSION_ID = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;

/**
 * `POST /endpoints/{EndpointName}/invocations-response-stream`: checked and failed like
 * InvokeEndpoint, then 200 with an `application/vnd.amazon.eventstream` body, one PayloadPart
 * per chunk of the model's stream (a plain body is one part), produced as the reader pulls.
 */
export async function invokeEndpointWithResponseStream(
  context: OperationContext,
): Promise<Response> {
  const { body, headers, answer, mock, entry } = context;
  const target = resolveTarget(context, {
    maxBodyBytes: MAX_PAYLOAD_BYTES,
    targetVariant: true,
    inferenceComponent: true,
    failures: [
      checkString(headers["x-amzn-sagemaker-session-id"], "sessionId", {
        max: 256,
        pattern: SESSION_ID,
      }),
    ],
  });
  if (target instanceof Response) return target;
  const prepared = prepareCall(context, target, {
    body,
    contentType: headers["content-type"],
    accept: headers["x-amzn-sagemaker-accept"],
  });
  if (prepared.kind === "refused") return prepared.response;
  let output: ModelOutput;
  try {
    output =
      prepared.kind === "answered"
        ? prepared.output
        : await target.endpoint.model(prepared.request);
  } catch (error) {
    return modelErrorResponse(error, context);
  }
  const messages = "stream" in output ? eventMessages(output.stream) : onePart(output.body);
  const response = serviceHeaders(answer);
  response.set("Content-Type", "application/vnd.amazon.eventstream");
  // Streamed answers are chunked; the framing also lets a client behind MSW's Node interceptor
  // see a cut body (faults.cutStream) as an error rather than as the end of the body.
  response.set("Transfer-Encoding", "chunked");
  response.set("X-Amzn-SageMaker-Content-Type", output.contentType ?? "application/json");
  response.set("x-Amzn-Invoked-Production-Variant", target.variant);
  if (output.customAttributes !== undefined) {
    response.set("X-Amzn-SageMaker-Custom-Attributes", output.customAttributes);
  }
  entry.streamedParts = 0;
  const stream = eventStreamBody(messages, {
    chunking: mock.stream.chunking,
    delayMs: mock.stream.delayMs,
    fault: mock.faults.nextStreamFault(),
    onSent: (kind) => {
      if (kind === "part") entry.streamedParts = (entry.streamedParts ?? 0) + 1;
    },
  });
  return new HttpResponse(stream, { status: 200, headers: response });
}

async function* onePart(
  body: Parameters<typeof encodeModelBody>[0],
): AsyncGenerator<OutgoingMessage> {
  yield payloadPart(encodeModelBody(body));
}
