import type { ChatEvent } from "../types";
import { errorOf, type FinishState } from "./chunkEvents";
import { type Json, number, object, string } from "./json";

// LMI marks an error after the first token with token id −1 (a number, or a list of ids).
const isErrorId = (id: unknown) => id === -1 || (Array.isArray(id) && id[0] === -1);

/**
 * The events of one TGI / LMI token event (`{"token": {"id", "text", "special"},
 * "generated_text", "details"}`, `logprob` or `log_prob`): the token's text unless special;
 * the finish reason and generated-token count from `details`. A whole answer alone
 * (`{"generated_text"}`) is one text piece, unless tokens came before it.
 */
export function* tokenEvents(
  event: Json,
  state: FinishState & { sawTokens?: boolean },
): Generator<ChatEvent> {
  const message = errorOf(event);
  const token = object(event.token);
  const details = object(event.details);
  const reason = string(details?.finish_reason);
  if (message !== undefined || isErrorId(token?.id) || reason === "error") {
    state.failed = true;
    state.rawReason = reason ?? "error";
    // LMI's error token carries the message as its text.
    yield {
      type: "error",
      message: message || string(token?.text) || "The model reported an error.",
    };
    return;
  }
  if (token) {
    state.sawTokens = true;
    const text = string(token.text);
    if (text && token.special !== true) yield { type: "text-delta", text };
  } else {
    const whole = string(event.generated_text);
    if (whole && !state.sawTokens) yield { type: "text-delta", text: whole };
  }
  if (reason) state.rawReason = reason;
  // Without details, TGI's last event (the one with `generated_text`) ends on the special
  // end-of-sequence token when the model stopped by itself.
  else if (token?.special === true && typeof event.generated_text === "string")
    state.rawReason = "eos_token";
  const generated = number(details?.generated_tokens);
  if (generated !== undefined) state.usage = { completionTokens: generated };
}
