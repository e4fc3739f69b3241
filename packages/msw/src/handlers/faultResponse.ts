import { delay, HttpResponse } from "msw";
import { httpDate } from "../internal/amzDate";
import { type AnswerContext, errorResponse } from "../internal/awsResponse";
import { codeForStatus, defaultMessage, statusText } from "../internal/errorCodes";
import type { Fault } from "./FaultQueue";

/** The answer a fault gives, or undefined when the request should go on (a delay). */
export async function answerFault(fault: Fault, ctx: AnswerContext): Promise<Response | undefined> {
  switch (fault.type) {
    case "delay":
      await delay(fault.ms);
      return undefined;
    case "drop":
      return HttpResponse.error();
    case "html":
      return new HttpResponse(fault.body ?? proxyPage(fault.status), {
        status: fault.status,
        headers: { "Content-Type": "text/html", Date: httpDate(ctx.now()) },
      });
    default: {
      const code = fault.code ?? codeForStatus(fault.status);
      const message = fault.message ?? defaultMessage(code, fault.status);
      return errorResponse(ctx, { status: fault.status, code, message });
    }
  }
}

function proxyPage(status: number): string {
  const title = `${status} ${statusText(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}
