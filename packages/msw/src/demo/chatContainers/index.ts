import type { ModelFn } from "../../handlers/model-types";
import { messagesModel } from "./messageFamilies";
import { lmiModel, tgiModel } from "./tokenFamilies";

/** The demo chat containers, one per family, by endpoint name. */
export type ChatContainerName = "tgi" | "tgi-messages" | "lmi" | "lmi-messages" | "vllm";

/** Each family's demo chat model, streaming one token every `paceMs`. */
export function chatContainerModels(paceMs: number): Record<ChatContainerName, ModelFn> {
  return {
    tgi: tgiModel(paceMs),
    "tgi-messages": messagesModel("sse-no-space", paceMs),
    lmi: lmiModel(paceMs),
    "lmi-messages": messagesModel("jsonl", paceMs),
    vllm: messagesModel("sse", paceMs),
  };
}
