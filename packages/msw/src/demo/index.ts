import type { EndpointDefinition } from "../handlers/modelTypes";
import { chatModel } from "./chat";
import { echoModel } from "./echo";
import { flakyModel } from "./flaky";
import { sentimentModel } from "./sentiment";
import { slowModel } from "./slow";
import { tabularModel } from "./tabular";

export interface DemoOptions {
  /** PayloadParts `echo` streams its body in. Default: 3. */
  echoParts?: number;
  /** `flaky` fails one call in this many, starting with the first. Default: 2. */
  failEvery?: number;
  /** How long `slow` waits by default. Default: 1000 ms. */
  slowMs?: number;
  /** Lifetime of `chat`'s stateful sessions. Default: 1200 s. */
  sessionTtlSeconds?: number;
}

export type DemoEndpointName = "echo" | "sentiment" | "chat" | "tabular" | "flaky" | "slow";

/** The demo endpoints, with their knobs. All are deterministic. */
export function createDemoEndpoints(
  options: DemoOptions = {},
): Record<DemoEndpointName, EndpointDefinition> {
  return {
    echo: echoModel(options.echoParts),
    sentiment: sentimentModel,
    chat: {
      model: chatModel,
      sessions: { ttlSeconds: options.sessionTtlSeconds ?? 1200 },
    },
    tabular: tabularModel,
    flaky: flakyModel(options.failEvery),
    slow: slowModel(options.slowMs),
  };
}

/**
 * Ready-made endpoints to spread into `sageMakerHandlers({ endpoints })`: `echo`, `sentiment`,
 * `chat` (TGI-style token stream, stateful sessions), `tabular` (CSV), `flaky` (fails every
 * other call) and `slow` (answers after 1 s).
 */
export const demoEndpoints: Readonly<Record<DemoEndpointName, EndpointDefinition>> =
  createDemoEndpoints();
