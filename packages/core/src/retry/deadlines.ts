/*
 * When attempts time out. One timer per attempt costs a browser more than any other step of
 * a call we control (setTimeout and clearTimeout are each a trip into the scheduler:
 * bench/invoke-breakdown.mjs, decisions/0001-own-sigv4-signer.md). Attempts with the same time
 * limit end in the order they start, so where the runtime allows, they share one timer per
 * limit, set for the oldest pending deadline and moved on when it fires: an attempt costs a
 * Set insertion and a deletion, and the timer fires about once per limit, not per call.
 *
 * Shared only where a timer outlives the request that set it: browsers (pages and workers),
 * Node, Deno and Bun (named by `navigator.userAgent`). workerd and the edge runtime tie a
 * timer to the request it was set in, so there each attempt keeps its own timer.
 */

interface Deadline {
  at: number;
  expire: () => void;
}

interface Limit {
  /** Pending deadlines, oldest first (insertion order). */
  pending: Set<Deadline>;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The deadline the timer was set for: when it fires, that time has come by its clock. */
  due: number;
  /** The setTimeout the timer was set with: fake timers swapped in or out make a new one. */
  setWith: typeof setTimeout | undefined;
}

const limits = new Map<number, Limit>();
let shared: boolean | undefined;

/** Whether timers outlive requests in the runtime named by `userAgent`. */
export function sharesTimers(userAgent: string | undefined): boolean {
  return /^(Mozilla|Node\.js|Deno|Bun)\//.test(userAgent ?? "");
}

/**
 * Calls `expire` once `timeoutMs` have passed, unless the returned function is called first.
 */
export function onDeadline(timeoutMs: number, expire: () => void): () => void {
  shared ??= sharesTimers(globalThis.navigator?.userAgent);
  if (!shared) {
    const timer = setTimeout(expire, timeoutMs);
    return () => clearTimeout(timer);
  }
  let limit = limits.get(timeoutMs);
  if (!limit) {
    limit = { pending: new Set(), timer: undefined, due: 0, setWith: undefined };
    limits.set(timeoutMs, limit);
  }
  const deadline: Deadline = { at: performance.now() + timeoutMs, expire };
  limit.pending.add(deadline);
  if (limit.timer === undefined || limit.setWith !== setTimeout) {
    arm(limit, timeoutMs, deadline.at);
  }
  const { pending } = limit;
  return () => {
    pending.delete(deadline);
  };
}

function arm(limit: Limit, delayMs: number, due: number): void {
  const timer = setTimeout(() => {
    // A timer replaced by a newer one (after fake timers came or went) does nothing.
    if (limit.timer === timer) fire(limit);
  }, delayMs);
  // Node, Deno and Bun: a pending deadline alone must not keep the process alive.
  (timer as { unref?: () => void }).unref?.();
  limit.timer = timer;
  limit.due = due;
  limit.setWith = setTimeout;
}

/**
 * Expires the deadlines that have passed, then waits for the oldest one left. The timer's own
 * clock counts as well as `performance.now()`: under fake timers, running them must expire
 * what they were set for, as a timer per attempt would, not set them again for good.
 */
function fire(limit: Limit): void {
  limit.timer = undefined;
  const now = Math.max(performance.now(), limit.due);
  for (const deadline of limit.pending) {
    if (deadline.at > now) {
      arm(limit, deadline.at - now, deadline.at);
      return;
    }
    limit.pending.delete(deadline);
    deadline.expire();
  }
}
