import { SeededRandom } from "../internal/prng";
import { AsyncResults } from "./async/AsyncResults";
import type { ResolvedConfig } from "./config";
import { FaultQueue } from "./FaultQueue";
import { SessionStore } from "./sessions/SessionStore";
import { StreamSettings } from "./streaming/StreamSettings";
import type { ReceivedRequest, SageMakerHandlersOptions } from "./types";

/** Latencies are drawn from their own sequence, so they do not shift the variants drawn. */
const LATENCY_SALT = 0x1a7e_c0de;

/** Everything one mock keeps between requests. */
export interface MockState {
  config: ResolvedConfig;
  faults: FaultQueue;
  requests: ReceivedRequest[];
  stream: StreamSettings;
  sessions: SessionStore;
  asyncResults: AsyncResults;
  /** Calls to each endpoint's model since the mock was made or reset. */
  invocations: Map<string, number>;
  /** Draws production variants (seeded; reset() restarts it). */
  random: SeededRandom;
  /** How many times the mock was reset: a request remembers the one it arrived in. */
  resets: number;
}

export function createMockState(
  config: ResolvedConfig,
  options: SageMakerHandlersOptions,
): MockState {
  return {
    config,
    faults: new FaultQueue(new SeededRandom(config.seed ^ LATENCY_SALT)),
    requests: [],
    stream: new StreamSettings(options.stream),
    sessions: new SessionStore(config.now),
    asyncResults: new AsyncResults(),
    invocations: new Map(),
    random: new SeededRandom(config.seed),
    resets: 0,
  };
}

export function resetMockState(state: MockState): void {
  state.resets++;
  state.requests.length = 0;
  state.faults.clear();
  state.stream.reset();
  state.sessions.clear();
  state.asyncResults.clear();
  state.invocations.clear();
  state.random.reset();
}
