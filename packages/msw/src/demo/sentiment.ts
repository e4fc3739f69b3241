import { modelError } from "../handlers/ModelContainerError";
import type { ModelFn, ModelRequest } from "../handlers/modelTypes";

const POSITIVE = new Set(
  "love loved lovely like great good excellent amazing awesome happy wonderful best fantastic nice enjoy enjoyed fast easy".split(
    " ",
  ),
);
const NEGATIVE = new Set(
  "hate hated bad terrible awful worst poor sad slow broken angry boring ugly disappointing fail failed".split(
    " ",
  ),
);

export interface SentimentResult {
  label: "POSITIVE" | "NEGATIVE";
  score: number;
}

/** A word-list classifier: the label with more hits wins (POSITIVE on a tie), more hits, surer. */
export function classify(text: string): SentimentResult {
  let positive = 0;
  let negative = 0;
  for (const word of text.toLowerCase().match(/[a-z']+/g) ?? []) {
    if (POSITIVE.has(word)) positive++;
    if (NEGATIVE.has(word)) negative++;
  }
  const margin = Math.abs(positive - negative);
  const score = Math.round((0.5 + (0.5 * (margin + 1)) / (margin + 2)) * 10_000) / 10_000;
  return { label: negative > positive ? "NEGATIVE" : "POSITIVE", score };
}

/** The text (or texts) to classify: a plain text body, or `{"inputs": text | text[]}`. */
function inputsOf(request: ModelRequest): string | string[] {
  const text = request.text();
  const json = request.contentType?.includes("json") || /^\s*[{[]/.test(text);
  if (!json) return text;
  let inputs: unknown;
  try {
    inputs = (JSON.parse(text) as { inputs?: unknown }).inputs;
  } catch {
    throw modelError(400, "Body is not valid JSON");
  }
  if (typeof inputs === "string") return inputs;
  if (Array.isArray(inputs) && inputs.every((i) => typeof i === "string")) return inputs;
  throw modelError(400, 'Expected text, or {"inputs": string | string[]}');
}

/** `[{"label": "POSITIVE" | "NEGATIVE", "score": n}]`, one result per input, as a HF pipeline. */
export const sentimentModel: ModelFn = (request) => {
  const inputs = inputsOf(request);
  const texts = typeof inputs === "string" ? [inputs] : inputs;
  return { body: texts.map(classify), contentType: "application/json" };
};
