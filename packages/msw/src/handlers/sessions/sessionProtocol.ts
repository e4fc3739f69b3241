import { fromUtf8 } from "../../internal/bytes";
import { ModelContainerError } from "../ModelContainerError";
import type { ModelBodyOutput, ModelSession } from "../modelTypes";
import type { OperationName } from "../types";
import { type SessionStore, sessionExpiry } from "./SessionStore";

/** What the container side of the session convention makes of a request. */
export type SessionOutcome =
  /** A NEW_SESSION or CLOSE request, answered without the model. */
  | { kind: "answer"; output: ModelBodyOutput }
  /** The container refused the request (SageMaker relays it as 424 ModelError). */
  | { kind: "refuse"; error: ModelContainerError }
  /** Go on to the model, in this session (or none). */
  | { kind: "continue"; session: ModelSession | undefined };

export interface SessionRequest {
  operation: OperationName;
  endpointName: string;
  ttlSeconds: number;
  /** `X-Amzn-SageMaker-Session-Id`. */
  sessionId: string | undefined;
  body: Uint8Array;
  store: SessionStore;
}

/**
 * Plays the model container's side of SageMaker's stateful-session convention, as AWS's
 * reference implementation does (aws/model-hosting-container-standards, `sagemaker/sessions`):
 * a body `{"requestType": "NEW_SESSION"}` opens a session, `{"requestType": "CLOSE"}` closes
 * the one named by the SessionId header, and any other request naming a session must name an
 * open one. The container refuses with 400 `{"detail": ...}`, which SageMaker relays as 424
 * ModelError. Session requests are handled on InvokeEndpoint; the other operations only look
 * sessions up.
 */
export function playSessionProtocol(request: SessionRequest): SessionOutcome {
  const { endpointName, sessionId, store } = request;
  const requestType = request.operation === "InvokeEndpoint" ? readRequestType(request.body) : null;
  if (requestType !== null && requestType !== "NEW_SESSION" && requestType !== "CLOSE") {
    return refuse('Invalid session request: expected {"requestType": "NEW_SESSION" | "CLOSE"}');
  }
  let session: ModelSession | undefined;
  if (sessionId !== undefined && sessionId !== "" && sessionId !== "NEW_SESSION") {
    session = store.get(endpointName, sessionId);
    if (session === undefined) return refuse(`Bad request: session not found: ${sessionId}`);
  }
  if (requestType === "NEW_SESSION") {
    const opened = store.open(endpointName, request.ttlSeconds);
    return answer({
      body: `Session ${opened.id} created`,
      newSessionId: `${opened.id}; Expires=${sessionExpiry(opened.expiresAt)}`,
    });
  }
  if (requestType === "CLOSE") {
    if (session === undefined) {
      return refuse("Session ID is required in request headers to close a session");
    }
    store.close(endpointName, session.id);
    return answer({ body: `Session ${session.id} closed`, closedSessionId: session.id });
  }
  return { kind: "continue", session };
}

function answer(output: Omit<ModelBodyOutput, "contentType">): SessionOutcome {
  return { kind: "answer", output: { ...output, contentType: "text/plain" } };
}

function refuse(detail: string): SessionOutcome {
  return { kind: "refuse", error: new ModelContainerError(400, JSON.stringify({ detail })) };
}

/**
 * The body's `requestType` when the body is a JSON object with one (null otherwise): a string,
 * or "" for a session request with anything else in it.
 */
function readRequestType(body: Uint8Array): string | null {
  if (body.length === 0 || body.length > 4096) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(body));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || !("requestType" in parsed)) return null;
  const { requestType, ...rest } = parsed as { requestType: unknown };
  return typeof requestType === "string" && Object.keys(rest).length === 0 ? requestType : "";
}
