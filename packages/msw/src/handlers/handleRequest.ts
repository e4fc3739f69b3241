import { delay, HttpResponse } from "msw";
import { type AnswerContext, errorResponse, newAnswerContext } from "../internal/awsResponse";
import { readBody } from "../internal/bytes";
import { verifySigV4 } from "../sigv4/verify";
import { answerFault } from "./faultResponse";
import type { MockState } from "./mockState";
import { operations } from "./operations/index";
import type { Route } from "./route";
import type { ReceivedRequest } from "./types";

/**
 * One request through the service: log it, wait the latency, answer a queued fault, verify
 * the signature, then run the operation. A request still waiting out a latency or delay when the
 * mock is reset ends with a network error: it belongs to a test that has ended, and must not take
 * the next test's faults or reach its models (the caller has usually aborted it already; an
 * abort does not reach MSW's handlers from a browser's service worker).
 */
export async function handleRequest(
  request: Request,
  route: Route,
  state: MockState,
): Promise<Response> {
  const answer = newAnswerContext(state.config.now);
  const body = await readBody(request);
  const headers = Object.fromEntries(request.headers);
  const entry: ReceivedRequest = {
    operation: route.operation,
    endpointName: route.endpointName,
    method: request.method,
    url: request.url,
    headers,
    body,
    accessKeyId: undefined,
    requestId: answer.requestId,
    status: 0,
    streamedParts: undefined,
  };
  state.requests.push(entry);
  const response = await respond(request, route, state, { answer, body, headers, entry });
  entry.status = response.status;
  return response;
}

interface Received {
  answer: AnswerContext;
  body: Uint8Array;
  headers: Record<string, string>;
  entry: ReceivedRequest;
}

async function respond(
  request: Request,
  route: Route,
  state: MockState,
  { answer, body, headers, entry }: Received,
): Promise<Response> {
  const { config, faults } = state;
  const arrivedIn = state.resets;
  const outlivedItsTest = () => state.resets !== arrivedIn;
  const latencyMs = faults.nextLatencyMs();
  if (latencyMs > 0) await delay(latencyMs);
  if (outlivedItsTest()) return HttpResponse.error();
  const fault = faults.next();
  if (fault !== undefined) {
    const faulted = await answerFault(fault, answer);
    if (faulted !== undefined) return faulted;
    // It was a delay.
    if (outlivedItsTest()) return HttpResponse.error();
  }
  let signedRegion: string | undefined;
  if (config.verifySignatures) {
    const verified = await verifySigV4(request, {
      credentials: (accessKeyId) => config.credentials.get(accessKeyId),
      service: "sagemaker",
      region: config.region ?? route.hostRegion,
      now: new Date(config.now()),
      maxSkewMs: config.maxSkewMs,
    });
    if (!verified.ok) {
      const { status, code, message, canonicalRequest, stringToSign } = verified;
      // As AWS does for a mismatch: what it computed, so that a client can find its mistake.
      // (It quotes the request's headers, the security token included: clients must not log it.)
      const explained =
        canonicalRequest === undefined || stringToSign === undefined
          ? message
          : `${message}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;
      return errorResponse(answer, { status, code, message: explained });
    }
    entry.accessKeyId = verified.accessKeyId;
    signedRegion = verified.region;
  }
  const { operation, endpointName } = route;
  if (operation === undefined || endpointName === undefined) {
    return errorResponse(answer, {
      status: 404,
      code: "UnknownOperationException",
      message: `No operation matches ${request.method} ${new URL(request.url).pathname}.`,
    });
  }
  return operations[operation]({
    request,
    route: { ...route, endpointName },
    body,
    headers,
    config,
    answer,
    mock: state,
    entry,
    region: config.region ?? route.hostRegion ?? signedRegion ?? "us-east-1",
  });
}
