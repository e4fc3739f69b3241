/*
 * When attempts time out. In a browser, one timer per attempt costs more than any other step
 * of a call we control: setTimeout and clearTimeout are each a trip into the page's scheduler
 * (bench/invoke-breakdown.mjs, decisions/0009-shared-attempt-deadlines.md). So in a browser,
 * attempts with the same time limit share one timer, set for the earliest pending deadline and
 * moved on when it fires: an attempt costs a Set insertion and a deletion, and the timer fires
 * about once per limit, not per call.
 *
 * Everywhere else each attempt keeps its own timer, cleared when it ends: in Node, Deno and Bun
 * a timer costs little, and one left pending would keep a process alive (or, unref'd, let it
 * exit under a call in flight); workerd ties a timer to the request that set it (and the edge
 * runtime's hosts may); and where zone.js runs (Angular), a pending timer keeps the app from
 * being stable.
 */

interface Deadline {
  at: number;
  expire: () => void;
}

interface Limit {
  pending: Set<Deadline>;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The deadline the timer was set for: when it fires, that time has come by its clock. */
  due: number;
  /** The setTimeout this limit's timer is set with. */
  setWith: typeof setTimeout;
  /** Whether its deadlines share the timer, decided when the limit was made. */
  shared: boolean;
}

const limits = new Map<number, Limit>();
let forced: boolean | undefined;

/** Whether deadlines share timers in the runtime named by `userAgent`: in browsers. */
export function sharesTimers(userAgent: string | undefined): boolean {
  return /^Mozilla\//.test(userAgent ?? "");
}

/**
 * Shares timers (`true`), or not, whatever the runtime (`undefined`: as it decides): for tests.
 * Deadlines already set end as they were set.
 */
export function setSharedDeadlines(share: boolean | undefined): void {
  forced = share;
  limits.clear();
}

/**
 * Calls `expire` once `timeoutMs` have passed, unless the returned function is called first.
 */
export function onDeadline(timeoutMs: number, expire: () => void): () => void {
  let limit = limits.get(timeoutMs);
  // New, or setTimeout was replaced (fake timers, zone.js): whether to share is decided again,
  // and deadlines from now on get a new limit; the old one still ends its own on its own timer.
  // zone.js is looked for then, not at each call: looking a name up on a page's window is slow.
  if (limit?.setWith !== setTimeout) {
    const shared =
      (forced ?? sharesTimers(globalThis.navigator?.userAgent)) && !("Zone" in globalThis);
    limit = { pending: new Set(), timer: undefined, due: 0, setWith: setTimeout, shared };
    limits.set(timeoutMs, limit);
  }
  if (!limit.shared) {
    const timer = setTimeout(expire, timeoutMs);
    return () => clearTimeout(timer);
  }
  const deadline: Deadline = { at: performance.now() + timeoutMs, expire };
  const { pending } = limit;
  pending.add(deadline);
  if (limit.timer === undefined) arm(limit, timeoutMs, deadline.at);
  return () => {
    pending.delete(deadline);
  };
}

function arm(limit: Limit, delayMs: number, due: number): void {
  // Called as a plain function: a page's setTimeout refuses any other `this`.
  const set = limit.setWith;
  const timer = set(() => {
    // A timer replaced by a newer one does nothing.
    if (limit.timer === timer) fire(limit);
  }, delayMs);
  limit.timer = timer;
  limit.due = due;
}

/**
 * Expires the deadlines that have passed, oldest first, then sets the timer for the oldest one
 * left. A limit's deadlines end in the order they were set: one clock, one time limit. The
 * time the timer was set for counts as come even if `performance.now()` says otherwise: fake
 * timers may leave it alone, and running them must expire what they were set for.
 */
function fire(limit: Limit): void {
  limit.timer = undefined;
  const now = Math.max(performance.now(), limit.due);
  for (const deadline of limit.pending) {
    if (deadline.at > now) {
      // Set even if an expired attempt set a timer for a later deadline meanwhile.
      arm(limit, deadline.at - now, deadline.at);
      return;
    }
    limit.pending.delete(deadline);
    deadline.expire();
  }
}
