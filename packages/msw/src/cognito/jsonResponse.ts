import { HttpResponse } from "msw";
import { type AnswerContext, serviceHeaders } from "../internal/awsResponse";

/** What Cognito Identity lets a browser read (it answers every origin). */
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date",
};

function headers(ctx: AnswerContext): Headers {
  const out = serviceHeaders(ctx);
  out.set("Content-Type", "application/x-amz-json-1.1");
  for (const [name, value] of Object.entries(CORS)) out.set(name, value);
  return out;
}

/** A 200 AWS JSON 1.1 answer. */
export function cognitoJson(ctx: AnswerContext, body: object): Response {
  return new HttpResponse(JSON.stringify(body), { status: 200, headers: headers(ctx) });
}

/**
 * An AWS JSON 1.1 error as Cognito Identity answers it: `{"__type": code, "message": ...}`,
 * `x-amzn-ErrorType: <code>:` and `x-amzn-ErrorMessage`. Without a code (a proxy's 502),
 * a bare `{"message": ...}`; without a message, `{"__type": code}` alone.
 */
export function cognitoErrorResponse(
  ctx: AnswerContext,
  error: { status: number; code: string | undefined; message: string | undefined },
): Response {
  const out = headers(ctx);
  const body: Record<string, string> = {};
  if (error.code !== undefined) {
    out.set("x-amzn-ErrorType", `${error.code}:`);
    body.__type = error.code;
  }
  if (error.message !== undefined) {
    // A header value is printable ASCII here; the body keeps the message as it is.
    out.set("x-amzn-ErrorMessage", error.message.replace(/[^\x20-\x7e]/g, "?"));
    body.message = error.message;
  }
  return new HttpResponse(JSON.stringify(body), { status: error.status, headers: out });
}
