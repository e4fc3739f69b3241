import { HttpResponse } from "msw";
import { type AnswerContext, serviceHeaders } from "../../internal/awsResponse";
import type { ResolvedOutput } from "./resolveOutput";

/** 200 with a model's output, as InvokeEndpoint answers it. */
export function modelOutputResponse(
  answer: AnswerContext,
  output: ResolvedOutput,
  variant: string,
): Response {
  const headers = serviceHeaders(answer);
  headers.set("Content-Type", output.contentType);
  headers.set("x-Amzn-Invoked-Production-Variant", variant);
  if (output.customAttributes !== undefined) {
    headers.set("X-Amzn-SageMaker-Custom-Attributes", output.customAttributes);
  }
  if (output.newSessionId !== undefined) {
    headers.set("X-Amzn-SageMaker-New-Session-Id", output.newSessionId);
  }
  if (output.closedSessionId !== undefined) {
    headers.set("X-Amzn-SageMaker-Closed-Session-Id", output.closedSessionId);
  }
  return new HttpResponse(output.body, { status: 200, headers });
}
