import type { FaultQueue } from "@sagefetch/msw";

/** A fault named in a string, for the command line, a config file and the admin API. */
export class FaultSpecError extends Error {
  constructor(spec: string, reason: string) {
    super(`fault "${spec}": ${reason}`);
    this.name = "FaultSpecError";
  }
}

/** What each fault spec does to the queue, with its one optional argument. */
const FAULTS: Record<string, { usage: string; apply: (queue: FaultQueue, arg: string) => void }> = {
  throttle: { usage: "throttle[:N]", apply: (q, a) => q.throttle(count(a, 1)) },
  status: {
    usage: "status:503[,500...]",
    apply: (q, a) => q.statusSequence(statuses(a)),
  },
  drop: { usage: "drop[:N]", apply: (q, a) => q.drop(count(a, 1)) },
  html: { usage: "html[:STATUS]", apply: (q, a) => q.html(a === "" ? 502 : status(a)) },
  delay: { usage: "delay:MS", apply: (q, a) => q.delay(count(a, undefined)) },
  "cut-stream": { usage: "cut-stream:PARTS", apply: (q, a) => q.cutStream(count(a, undefined)) },
  "corrupt-stream": {
    usage: "corrupt-stream:PART[:prelude]",
    apply: (q, a) => {
      const [part = "", where = "message"] = a.split(":");
      if (where !== "message" && where !== "prelude") throw new Error("where: message|prelude");
      q.corruptStream(count(part, undefined), where);
    },
  },
  "truncate-stream": {
    usage: "truncate-stream:PARTS",
    apply: (q, a) => q.truncateStream(count(a, undefined)),
  },
};

/** The spec forms, for help texts. */
export const FAULT_SPEC_USAGE: string = Object.values(FAULTS)
  .map((fault) => fault.usage)
  .join(", ");

/**
 * Queues the fault a spec names, e.g. `throttle:3`, `status:503,500`, `cut-stream:2`.
 * @throws FaultSpecError naming the spec and what is wrong with it.
 */
export function applyFaultSpec(queue: FaultQueue, spec: string): void {
  const colon = spec.indexOf(":");
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const arg = colon === -1 ? "" : spec.slice(colon + 1);
  const fault = FAULTS[name];
  if (fault === undefined) {
    throw new FaultSpecError(spec, `unknown fault; one of ${FAULT_SPEC_USAGE}`);
  }
  try {
    fault.apply(queue, arg);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FaultSpecError(spec, `${reason} (usage: ${fault.usage})`);
  }
}

function count(arg: string, fallback: number | undefined): number {
  if (arg === "" && fallback !== undefined) return fallback;
  if (!/^\d+$/.test(arg)) throw new Error("expected a non-negative integer");
  return Number(arg);
}

function status(arg: string): number {
  const value = count(arg, undefined);
  if (value < 400 || value > 599) throw new Error("expected an HTTP error status (400-599)");
  return value;
}

function statuses(arg: string): number[] {
  if (arg === "") throw new Error("expected at least one status");
  return arg.split(",").map(status);
}
