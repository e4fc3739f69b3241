import { HttpResponse } from "msw";
import { httpDate } from "./amzDate";
import { messageKey } from "./errorCodes";

/** Per-answer facts every SageMaker answer carries. */
export interface AnswerContext {
  requestId: string;
  /** The server clock, epoch ms. */
  now: () => number;
}

export function newAnswerContext(now: () => number = Date.now): AnswerContext {
  return { requestId: crypto.randomUUID(), now };
}

/** `x-amzn-RequestId` and `Date` (RFC 1123, from the server clock, for skew correction). */
export function serviceHeaders(ctx: AnswerContext): Headers {
  return new Headers({ "x-amzn-RequestId": ctx.requestId, Date: httpDate(ctx.now()) });
}

export interface ErrorAnswer {
  status: number;
  /** Omit for a plain `{"message": ...}` with no `x-amzn-ErrorType` (502/504 from a proxy). */
  code?: string | undefined;
  message: string;
  /** More members of the JSON body (ModelError's OriginalStatusCode, ...). */
  fields?: Readonly<Record<string, unknown>> | undefined;
}

/** A restJson1 error answer. */
export function errorResponse(ctx: AnswerContext, error: ErrorAnswer): Response {
  const headers = serviceHeaders(ctx);
  headers.set("Content-Type", "application/json");
  if (error.code !== undefined) {
    headers.set(
      "x-amzn-ErrorType",
      `${error.code}:http://internal.amazon.com/coral/com.amazon.coral.service/`,
    );
  }
  const body = { [messageKey(error.code)]: error.message, ...error.fields };
  return new HttpResponse(JSON.stringify(body), { status: error.status, headers });
}

/** 400 ValidationError, whose body (unlike other SageMaker errors) says `message`. */
export function validationError(ctx: AnswerContext, message: string): Response {
  return errorResponse(ctx, { status: 400, code: "ValidationError", message });
}
