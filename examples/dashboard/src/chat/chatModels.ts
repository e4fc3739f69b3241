import type { ChatContainer } from "@sagefetch/core";

/** The container families the model picker offers, each a demo endpoint of the same name. */
export const CONTAINERS: readonly { container: ChatContainer; label: string; tools: boolean }[] = [
  { container: "tgi", label: "TGI (inputs, SSE tokens)", tools: false },
  { container: "tgi-messages", label: "TGI Messages API", tools: true },
  { container: "lmi", label: "LMI / DJL (inputs, JSON Lines)", tools: false },
  { container: "lmi-messages", label: "LMI / DJL chat (JSON Lines)", tools: true },
  { container: "vllm", label: "vLLM / SGLang (OpenAI SSE)", tools: true },
];

/** The model a chat answers with: an endpoint and its serving container's family. */
export interface ChatModel {
  endpointName: string;
  container: ChatContainer;
}

export const DEFAULT_CONTAINER: ChatContainer = "vllm";

/** Whether the family takes tools (an OpenAI-shaped body): the inputs-style ones do not. */
export const takesTools = (container: ChatContainer) =>
  CONTAINERS.some((c) => c.container === container && c.tools);
