import { errorResponse } from "../../internal/aws-response";
import type { OperationName } from "../types";
import type { Operation } from "./context";

/** Placeholder for an operation this mock does not answer yet. */
export function notYetSupported(operation: OperationName): Operation {
  return async (context) =>
    errorResponse(context.answer, {
      status: 400,
      code: "UnknownOperationException",
      message: `${operation} is not supported by @sagefetch/msw yet.`,
    });
}
