import { delay } from "msw";
import { newAnswerContext } from "../internal/awsResponse";
import { answerServiceFault } from "./CognitoFaultQueue";
import { CognitoServiceError, isCognitoServiceError } from "./CognitoServiceError";
import { type CognitoInput, parseCognitoInput, validateCognitoInput } from "./input";
import { cognitoErrorResponse, cognitoJson } from "./jsonResponse";
import { getCredentialsForIdentity } from "./operations/getCredentialsForIdentity";
import { getId } from "./operations/getId";
import { getOpenIdToken } from "./operations/getOpenIdToken";
import { newEntry } from "./requestLog";
import type { ServiceRoute } from "./route";
import type { CognitoState, OperationContext } from "./state";
import type { CognitoRequest } from "./types";

const TARGET_PREFIX = "AWSCognitoIdentityService.";

const OPERATIONS = {
  GetId: getId,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetOpenIdToken: getOpenIdToken,
} as const;

type Played = keyof typeof OPERATIONS;

const isPlayed = (name: string): name is Played => Object.hasOwn(OPERATIONS, name);

/**
 * One request to Cognito Identity: log it, wait the latency, answer a queued fault, then play
 * the operation `X-Amz-Target` names. Undefined (left to other handlers) for the service's
 * other operations, which the mock does not play.
 */
export async function handleCognito(
  request: Request,
  route: ServiceRoute,
  state: CognitoState,
): Promise<Response | undefined> {
  const target = request.headers.get("x-amz-target") ?? "";
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  if (name !== undefined && !isPlayed(name) && request.method === "POST") return undefined;
  const answer = newAnswerContext(state.config.now);
  const entry = newEntry(request, "cognito-identity", await request.clone().text(), answer);
  state.requests.push(entry);
  const operation =
    request.method === "POST" && name !== undefined && isPlayed(name) ? name : undefined;
  entry.operation = operation;
  try {
    describeInput(entry, parseCognitoInput(entry.body));
  } catch {
    // logged as it is; answered SerializationException below (unless a fault answers first)
  }
  const response = await respond(operation, { state, route, answer, entry });
  entry.status = response.status;
  entry.errorCode = response.headers.get("x-amzn-errortype")?.split(":")[0] || undefined;
  return response;
}

async function respond(
  operation: Played | undefined,
  context: OperationContext,
): Promise<Response> {
  const { state, answer, entry } = context;
  const latencyMs = state.faults.nextLatencyMs();
  if (latencyMs > 0) await delay(latencyMs);
  const fault = state.faults.next();
  if (fault !== undefined) {
    const faulted = await answerServiceFault(fault, "cognito-identity", answer);
    if (faulted !== undefined) return faulted;
  }
  try {
    if (operation === undefined) {
      throw new CognitoServiceError("UnknownOperationException", "");
    }
    const input = parseCognitoInput(entry.body);
    validateCognitoInput(operation, input);
    return cognitoJson(answer, await OPERATIONS[operation](input, context));
  } catch (error) {
    const failure = isCognitoServiceError(error)
      ? error
      : new CognitoServiceError("InternalErrorException", String(error), 500);
    return cognitoErrorResponse(answer, {
      status: failure.status,
      code: failure.code,
      message: failure.message === "" ? undefined : failure.message,
    });
  }
}

function describeInput(entry: CognitoRequest, input: CognitoInput): void {
  entry.identityPoolId = input.IdentityPoolId;
  entry.identityId = input.IdentityId;
  entry.loginProviders = Object.keys(input.Logins ?? {});
  entry.loginsPresent = entry.loginProviders.length > 0;
  entry.roleArn = input.CustomRoleArn;
}
