import { modelError } from "../../handlers/model-error";
import type { ModelFn, ModelRequest } from "../../handlers/model-types";
import { tokenId } from "../chat";
import { jsonBody, replyTo, type TurnInput, type TurnReply, tokenLimit } from "./chatTurn";
import { paced } from "./paced";

interface InputsRequest {
  input: TurnInput;
  /** `parameters.details`: report the finish reason and token count at the end. */
  details: boolean;
}

/** `{"inputs": "…", "parameters": {"max_new_tokens", "details"}, "stream"}`. */
function inputsRequest(request: ModelRequest): InputsRequest {
  const body = jsonBody(request);
  if (typeof body.inputs !== "string") throw modelError(422, 'Expected {"inputs": string}');
  const parameters = (body.parameters ?? {}) as { max_new_tokens?: unknown; details?: unknown };
  // A transcript (`user: …` lines, as core's buildChatRequest writes one) answers its last user line.
  const lastUser = body.inputs
    .match(/^user: (.*)$/gm)
    ?.at(-1)
    ?.slice(6);
  return {
    input: {
      messages: [{ role: "user", content: lastUser ?? body.inputs }],
      tools: [],
      maxTokens: tokenLimit(parameters.max_new_tokens),
      stream: body.stream === true,
      includeUsage: false,
    },
    details: parameters.details === true,
  };
}

const finishOf = (reply: TurnReply) =>
  reply.kind === "text" && reply.finish === "length" ? "length" : "eos_token";
const textTokens = (reply: TurnReply) => (reply.kind === "text" ? reply.tokens : []);

/**
 * TGI's `inputs` API: InvokeEndpoint answers `[{"generated_text"}]`; the stream sends one SSE
 * event per token (`data:{"index","token":{"id","text","logprob","special"},…}`), the last
 * carrying `generated_text` (and `details` when asked): the special `</s>` when the model
 * stopped by itself, else the last token, cut by `max_new_tokens`.
 */
export function tgiModel(paceMs: number): ModelFn {
  return (request) => {
    const { input, details } = inputsRequest(request);
    const reply = replyTo(input, request);
    const tokens = textTokens(reply);
    const generated = tokens.join("");
    const finish = finishOf(reply);
    const ending = details
      ? { finish_reason: finish, generated_tokens: tokens.length, seed: null }
      : null;
    if (request.operation !== "InvokeEndpointWithResponseStream" || !input.stream) {
      return { body: [{ generated_text: generated, ...(ending && { details: ending }) }] };
    }
    const events = tokens.map((text, i) => ({
      index: i + 1,
      token: { id: tokenId(text), text, logprob: -0.25, special: false },
      generated_text: null as string | null,
      details: null as object | null,
    }));
    if (finish === "eos_token") {
      events.push({
        index: tokens.length + 1,
        token: { id: 2, text: "</s>", logprob: 0, special: true },
        generated_text: null,
        details: null,
      });
    }
    const last = events.at(-1);
    if (last) Object.assign(last, { generated_text: generated, details: ending });
    const lines = events.map((e) => `data:${JSON.stringify(e)}\n\n`);
    return { stream: paced(lines, paceMs), contentType: "text/event-stream" };
  };
}

/**
 * LMI (DJL Serving) `inputs` style: InvokeEndpoint answers `{"generated_text"}`; the stream is
 * JSON Lines `{"token":{"id":[n],"text","log_prob"}}`, the last adding `generated_text` and
 * `details`. On request (see replyTo) it fails after the first token as LMI does: a token with
 * id −1 and `finish_reason: "error"`, inside the 200 stream.
 */
export function lmiModel(paceMs: number): ModelFn {
  return (request) => {
    const { input } = inputsRequest(request);
    const reply = replyTo(input, request);
    const tokens = textTokens(reply);
    const generated = tokens.join("");
    if (request.operation !== "InvokeEndpointWithResponseStream" || !input.stream) {
      return { body: { generated_text: generated } };
    }
    const events: object[] = tokens.map((text) => ({
      token: { id: [tokenId(text)], text, log_prob: -0.25 },
    }));
    if (reply.failMidStream) {
      events.splice(1, events.length, {
        token: {
          id: [-1],
          text: "Demo failure: the model crashed mid-stream",
          log_prob: -1,
          special: true,
        },
        generated_text: null,
        details: { finish_reason: "error", generated_tokens: 1 },
      });
    } else if (events.length > 0) {
      Object.assign(events.at(-1) as object, {
        generated_text: generated,
        details: {
          finish_reason: finishOf(reply),
          generated_tokens: tokens.length,
          inputs: input.messages[0]?.content,
        },
      });
    }
    const lines = events.map((e) => `${JSON.stringify(e)}\n`);
    return { stream: paced(lines, paceMs), contentType: "application/jsonlines" };
  };
}
