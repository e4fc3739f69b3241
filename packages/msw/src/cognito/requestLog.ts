import type { AnswerContext } from "../internal/awsResponse";
import type { CognitoRequest } from "./types";

/** A new log entry for a request (filled in as it is answered). */
export function newEntry(
  request: Request,
  service: CognitoRequest["service"],
  body: string,
  answer: AnswerContext,
): CognitoRequest {
  return {
    service,
    operation: undefined,
    identityPoolId: undefined,
    identityId: undefined,
    loginsPresent: false,
    loginProviders: [],
    roleArn: undefined,
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body,
    requestId: answer.requestId,
    status: 0,
    errorCode: undefined,
    accessKeyId: undefined,
  };
}
