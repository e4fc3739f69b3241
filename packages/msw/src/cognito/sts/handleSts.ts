import { delay } from "msw";
import { newAnswerContext } from "../../internal/awsResponse";
import { answerServiceFault } from "../CognitoFaultQueue";
import { CognitoServiceError, isCognitoServiceError } from "../CognitoServiceError";
import { newEntry } from "../requestLog";
import type { ServiceRoute } from "../route";
import type { CognitoState, OperationContext } from "../state";
import { assumeRoleWithWebIdentity } from "./assumeRoleWithWebIdentity";
import { stsErrorResponse } from "./xml";

/** The query protocol's parameters: the URL's, then a form body's. */
function readParams(request: Request, body: string): URLSearchParams {
  const params = new URLSearchParams(new URL(request.url).search);
  for (const [name, value] of new URLSearchParams(body)) params.set(name, value);
  return params;
}

/**
 * One request to STS: AssumeRoleWithWebIdentity is logged, delayed, faulted and played; any
 * other Action is left to other handlers (the mock does not play it).
 */
export async function handleSts(
  request: Request,
  route: ServiceRoute,
  state: CognitoState,
): Promise<Response | undefined> {
  // Decoded by hand: workerd warns on every .text() of a form body (it "does not appear to be text").
  const body =
    request.method === "GET" ? "" : new TextDecoder().decode(await request.clone().arrayBuffer());
  const params = readParams(request, body);
  if (params.get("Action") !== "AssumeRoleWithWebIdentity") return undefined;
  const answer = newAnswerContext(state.config.now);
  const entry = newEntry(request, "sts", body, answer);
  entry.operation = "AssumeRoleWithWebIdentity";
  entry.roleArn = params.get("RoleArn") ?? undefined;
  state.requests.push(entry);
  const context: OperationContext = { state, route, answer, entry };
  const response = await respond(params, context);
  entry.status = response.status;
  return response;
}

async function respond(params: URLSearchParams, context: OperationContext): Promise<Response> {
  const { state, answer, entry } = context;
  const latencyMs = state.faults.nextLatencyMs();
  if (latencyMs > 0) await delay(latencyMs);
  const fault = state.faults.next();
  if (fault !== undefined) {
    const faulted = await answerServiceFault(fault, "sts", answer);
    if (faulted !== undefined) {
      entry.errorCode = /<Code>([^<]*)<\/Code>/.exec(await faulted.clone().text())?.[1];
      return faulted;
    }
  }
  try {
    return await assumeRoleWithWebIdentity(params, context);
  } catch (error) {
    const failure = isCognitoServiceError(error)
      ? error
      : new CognitoServiceError("InternalFailure", String(error), 500);
    entry.errorCode = failure.code;
    return stsErrorResponse(answer, failure);
  }
}
