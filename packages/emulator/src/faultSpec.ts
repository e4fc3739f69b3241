import type { FaultQueue } from "@sagefetch/msw";
import { LIMITS } from "./limits";

/** A fault named in a string, for the command line, a config file and the admin API. */
export class FaultSpecError extends Error {
  constructor(spec: string, reason: string) {
    super(`fault "${spec.length > 60 ? `${spec.slice(0, 60)}…` : spec}": ${reason}`);
    this.name = "FaultSpecError";
  }
}

/** A fault spec read and checked, ready to queue. */
export interface ParsedFault {
  /** How many queue entries it adds. */
  size: number;
  apply(queue: FaultQueue): void;
}

type Parse = (arg: string) => ParsedFault;

/** What each fault spec does to the queue, with its one optional argument. */
const FAULTS: Record<string, { usage: string; parse: Parse }> = {
  throttle: {
    usage: "throttle[:N]",
    parse: (a) => repeated(count(a, 1, LIMITS.faultCount), (q, n) => q.throttle(n)),
  },
  status: {
    usage: "status:503[,500...]",
    parse: (a) => {
      const list = statuses(a);
      return { size: list.length, apply: (q) => q.statusSequence(list) };
    },
  },
  drop: {
    usage: "drop[:N]",
    parse: (a) => repeated(count(a, 1, LIMITS.faultCount), (q, n) => q.drop(n)),
  },
  html: {
    usage: "html[:STATUS]",
    parse: (a) => one((q) => q.html(a === "" ? 502 : status(a))),
  },
  delay: {
    usage: "delay:MS",
    parse: (a) => {
      const ms = count(a, undefined, LIMITS.delayMs);
      return one((q) => q.delay(ms));
    },
  },
  "cut-stream": {
    usage: "cut-stream:PARTS",
    parse: (a) => {
      const parts = count(a, undefined, LIMITS.streamPart);
      return one((q) => q.cutStream(parts));
    },
  },
  "corrupt-stream": {
    usage: "corrupt-stream:PART[:prelude]",
    parse: (a) => {
      const [part = "", where = "message"] = a.split(":");
      if (where !== "message" && where !== "prelude") throw new Error("where: message|prelude");
      const index = count(part, undefined, LIMITS.streamPart);
      return one((q) => q.corruptStream(index, where));
    },
  },
  "truncate-stream": {
    usage: "truncate-stream:PARTS",
    parse: (a) => {
      const parts = count(a, undefined, LIMITS.streamPart);
      return one((q) => q.truncateStream(parts));
    },
  },
};

/** The spec forms, for help texts. */
export const FAULT_SPEC_USAGE: string = Object.values(FAULTS)
  .map((fault) => fault.usage)
  .join(", ");

/**
 * Reads a fault spec such as `throttle:3`, `status:503,500` or `cut-stream:2`, checking every
 * count and duration against the emulator's limits, without queueing anything.
 * @throws FaultSpecError naming the spec and what is wrong with it.
 */
export function parseFaultSpec(spec: string): ParsedFault {
  if (spec.length > LIMITS.faultSpecLength) {
    throw new FaultSpecError(spec, `longer than ${LIMITS.faultSpecLength} characters`);
  }
  const colon = spec.indexOf(":");
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const arg = colon === -1 ? "" : spec.slice(colon + 1);
  const fault = Object.hasOwn(FAULTS, name) ? FAULTS[name] : undefined;
  if (fault === undefined) {
    throw new FaultSpecError(spec, `unknown fault; one of ${FAULT_SPEC_USAGE}`);
  }
  try {
    return fault.parse(arg);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FaultSpecError(spec, `${reason} (usage: ${fault.usage})`);
  }
}

/**
 * Queues the faults the specs name, all or none: every spec is read first, and the queue may
 * not grow past `LIMITS.queuedFaults`.
 * @throws FaultSpecError naming the spec and what is wrong with it.
 */
export function applyFaultSpecs(queue: FaultQueue, specs: readonly string[]): void {
  const parsed = specs.map(parseFaultSpec);
  let size = queue.size;
  parsed.forEach((fault, i) => {
    size += fault.size;
    if (size > LIMITS.queuedFaults) {
      throw new FaultSpecError(
        specs[i] ?? "",
        `the fault queue holds at most ${LIMITS.queuedFaults} faults`,
      );
    }
  });
  for (const fault of parsed) fault.apply(queue);
}

/**
 * Queues the fault a spec names, e.g. `throttle:3`, `status:503,500`, `cut-stream:2`.
 * @throws FaultSpecError naming the spec and what is wrong with it.
 */
export function applyFaultSpec(queue: FaultQueue, spec: string): void {
  applyFaultSpecs(queue, [spec]);
}

function one(apply: (queue: FaultQueue) => void): ParsedFault {
  return { size: 1, apply };
}

function repeated(n: number, apply: (queue: FaultQueue, n: number) => void): ParsedFault {
  return { size: n, apply: (queue) => apply(queue, n) };
}

function count(arg: string, fallback: number | undefined, max: number): number {
  if (arg === "" && fallback !== undefined) return fallback;
  // Digits only, and few enough of them that Number() is exact: no 1e21, no 99999999999999999999.
  if (!/^\d{1,9}$/.test(arg) || Number(arg) > max) {
    throw new Error(`expected a non-negative integer up to ${max}`);
  }
  return Number(arg);
}

function status(arg: string): number {
  const value = count(arg, undefined, 999);
  if (value < 400 || value > 599) throw new Error("expected an HTTP error status (400-599)");
  return value;
}

function statuses(arg: string): number[] {
  if (arg === "") throw new Error("expected at least one status");
  const list = arg.split(",");
  if (list.length > LIMITS.statuses)
    throw new Error(`expected at most ${LIMITS.statuses} statuses`);
  return list.map(status);
}
