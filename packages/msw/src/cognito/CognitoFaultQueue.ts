import { type Fault, FaultQueue } from "../handlers/FaultQueue";
import { answerFault } from "../handlers/faultResponse";
import type { AnswerContext } from "../internal/awsResponse";
import { statusText } from "../internal/errorCodes";
import { COGNITO_MESSAGES } from "./CognitoServiceError";
import { cognitoErrorResponse } from "./jsonResponse";
import { stsErrorResponse } from "./sts/xml";

/**
 * Faults for the Cognito Identity and STS mock: the SageMaker mock's queue (`push`, `throttle`,
 * `statusSequence`, `delay`, `drop`, `html`, `setLatency`), each fault taken by the next request
 * to either service and answered in that service's shape. Stream faults do not apply.
 */
export class CognitoFaultQueue extends FaultQueue {
  /** The next `count` requests get 400 TooManyRequestsException "Rate exceeded" (STS: Throttling). */
  override throttle(count = 1): this {
    for (let i = 0; i < count; i++) this.push({ status: 400, code: "TooManyRequestsException" });
    return this;
  }
}

/** The code each service answers a bare status with (`statusSequence`). */
const CODE_FOR_STATUS = {
  "cognito-identity": new Map([[500, "InternalErrorException"]]),
  sts: new Map([
    [500, "InternalFailure"],
    [503, "ServiceUnavailable"],
  ]),
};

const THROTTLING = new Set(["TooManyRequestsException", "Throttling", "ThrottlingException"]);

/** The answer a fault gives, or undefined when the request should go on (a delay). */
export async function answerServiceFault(
  fault: Fault,
  service: "cognito-identity" | "sts",
  ctx: AnswerContext,
): Promise<Response | undefined> {
  if (fault.type !== undefined && fault.type !== "error") return answerFault(fault, ctx);
  let code = fault.code ?? CODE_FOR_STATUS[service].get(fault.status);
  if (code !== undefined && THROTTLING.has(code)) {
    code = service === "sts" ? "Throttling" : "TooManyRequestsException";
  }
  const message =
    fault.message ??
    (code !== undefined && THROTTLING.has(code) ? COGNITO_MESSAGES.rateExceeded : undefined) ??
    statusText(fault.status);
  if (service === "cognito-identity") {
    return cognitoErrorResponse(ctx, { status: fault.status, code, message });
  }
  if (code === undefined) return answerFault({ type: "html", status: fault.status }, ctx);
  return stsErrorResponse(ctx, { status: fault.status, code, message });
}
