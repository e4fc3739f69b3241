import type { EndpointDefinition } from "../handlers/model-types";
import { chatModel } from "./chat";
import { type ChatContainerName, chatContainerModels } from "./chatContainers/index";
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
  /** Time between two streamed tokens of the chat containers (`tgi`, `vllm`, ...). Default: 15 ms. */
  chatPaceMs?: number;
}

export type DemoEndpointName =
  | "echo"
  | "sentiment"
  | "chat"
  | "tabular"
  | "flaky"
  | "slow"
  | ChatContainerName;

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
    ...chatContainerModels(options.chatPaceMs ?? 15),
  };
}

/**
 * Ready-made endpoints to spread into `sageMakerHandlers({ endpoints })`: `echo`, `sentiment`,
 * `chat` (TGI-style token stream, stateful sessions), `tabular` (CSV), `flaky` (fails every
 * other call), `slow` (answers after 1 s), and chat models streaming as each container family
 * does: `tgi`, `tgi-messages`, `lmi`, `lmi-messages`, `vllm` (see demo/chatContainers).
 */
export const demoEndpoints: Readonly<Record<DemoEndpointName, EndpointDefinition>> =
  createDemoEndpoints();
