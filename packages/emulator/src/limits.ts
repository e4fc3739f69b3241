/**
 * The largest values the emulator accepts, from the command line, a config file, the control API
 * or `startEmulator`: enough for any test, small enough that no setting can exhaust its memory,
 * block its event loop or push its clock past what a `Date` can hold.
 */
export const LIMITS = {
  /** Requests one fault spec covers: `throttle:N`, `drop:N`. */
  faultCount: 10_000,
  /** Faults waiting in the queue at once, whoever queued them. */
  queuedFaults: 100_000,
  /** Statuses in one `status:503,500,…`. */
  statuses: 100,
  /** A stream fault's part index: `cut-stream:N`, `corrupt-stream:N`, `truncate-stream:N`. */
  streamPart: 1_000_000,
  /** Characters of one fault spec. */
  faultSpecLength: 200,
  /** Fault specs in one control API call. */
  faultSpecsPerCall: 1_000,
  /** A delay or latency, in ms (five minutes: longer than any SageMaker Runtime timeout). */
  delayMs: 300_000,
  /** The server clock's distance from the real one, either way, in ms (30 days). */
  skewMs: 2_592_000_000,
  /** Requests kept in the log. */
  requestLogEntries: 1_000_000,
  /** Bytes of the request log's bodies in total. */
  requestLogBytes: 1_073_741_824,
  /** A stateful session's lifetime, in seconds (a day). */
  sessionTtlSeconds: 86_400,
  /** A production variant's weight. */
  variantWeight: 1_000_000,
  /** The PRNG seed (a 32-bit unsigned integer). */
  seed: 0xffff_ffff,
  /** A control API request body, in bytes. */
  controlBodyBytes: 65_536,
} as const;

/**
 * `value` when it is a number within `[min, max]` (an integer when `integer`).
 * @throws RangeError naming the field and the range.
 */
export function inRange(
  value: number,
  field: string,
  min: number,
  max: number,
  integer = false,
): number {
  const kind = integer ? "an integer" : "a number";
  if (
    !(Number.isFinite(value) && value >= min && value <= max) ||
    (integer && !Number.isInteger(value))
  ) {
    throw new RangeError(`${field} must be ${kind} from ${min} to ${max}`);
  }
  return value;
}
