import type { SageMakerMock } from "@sagefetch/msw";
import { parseDuration } from "./duration";
import { applyFaultSpecs } from "./faultSpec";
import { LIMITS } from "./limits";

/** The admin API's path prefix: no SageMaker Runtime path starts with it. */
export const ADMIN_PREFIX = "/_emulator/";

export interface AdminTarget {
  mock: SageMakerMock;
  setClockSkew(ms: number): void;
  reset(): void;
}

export interface AdminAnswer {
  status: number;
  body?: unknown;
}

/**
 * The emulator's own control API, so that clients in other processes (a Python test, the AWS
 * CLI in a shell script) can queue faults, skew the clock and read what arrived:
 * `POST /_emulator/faults` `["throttle:2"]`, `POST /_emulator/clock` `{"skew": "15m"}`,
 * `POST /_emulator/reset`, `GET /_emulator/requests` (no headers, bodies or secrets). Who may
 * call it is decided before (controlGuard.ts); bad input gets a 400 whose message names the field.
 */
export function answerAdmin(
  method: string,
  path: string,
  body: Uint8Array,
  target: AdminTarget,
): AdminAnswer {
  const action = path.slice(ADMIN_PREFIX.length);
  try {
    if (method === "GET" && action === "requests") {
      return { status: 200, body: target.mock.requests.map(summary) };
    }
    if (method !== "POST") return { status: 405, body: { message: `${method} not allowed` } };
    if (action === "reset") {
      target.reset();
      return { status: 204 };
    }
    const input = parseJson(body);
    if (action === "faults") {
      const specs = Array.isArray(input) ? input : (input as { faults?: unknown })?.faults;
      if (!Array.isArray(specs) || !specs.every((spec) => typeof spec === "string")) {
        return bad('faults: expected ["throttle:2", ...] or {"faults": [...]}');
      }
      if (specs.length > LIMITS.faultSpecsPerCall) {
        return bad(`faults: at most ${LIMITS.faultSpecsPerCall} specs per call`);
      }
      applyFaultSpecs(target.mock.faults, specs);
      return { status: 204 };
    }
    if (action === "clock") {
      const skew = (input as { skew?: unknown })?.skew;
      if (typeof skew !== "string" && typeof skew !== "number") {
        return bad('skew: expected {"skew": "15m"}');
      }
      target.setClockSkew(parseDuration(skew, "skew"));
      return { status: 204 };
    }
    return { status: 404, body: { message: `no admin action ${action}` } };
  } catch (error) {
    return bad(error instanceof Error ? error.message : "bad input");
  }
}

function bad(message: string): AdminAnswer {
  return { status: 400, body: { message } };
}

function summary(request: SageMakerMock["requests"][number]) {
  return {
    operation: request.operation ?? null,
    endpointName: request.endpointName ?? null,
    status: request.status,
    requestId: request.requestId,
    accessKeyId: request.accessKeyId ?? null,
    streamedParts: request.streamedParts ?? null,
  };
}

function parseJson(body: Uint8Array): unknown {
  const text = new TextDecoder().decode(body).trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("the body is not JSON");
  }
}
