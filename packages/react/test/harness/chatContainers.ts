import type { InvokeEndpointWithResponseStreamCommandInput } from "@sagefetch/core";

/**
 * Requests for the mock's demo chat containers (`@sagefetch/msw`'s demo/chatContainers), each
 * in its family's body, that make them end a stream in a given way. Shared by the happy-dom and
 * the Chromium tests.
 */
type Request = Pick<
  InvokeEndpointWithResponseStreamCommandInput,
  "EndpointName" | "Body" | "ContentType"
>;

const json = (EndpointName: string, body: object): Request => ({
  EndpointName,
  ContentType: "application/json",
  Body: JSON.stringify(body),
});
const user = (content: string) => [{ role: "user", content }];

/** Cut at `max` tokens (TGI and LMI `inputs` with `details`, the Messages families `max_tokens`). */
export const cutAt = (family: string, text: string, max: number): Request =>
  family === "tgi" || family === "lmi"
    ? json(family, {
        inputs: text,
        parameters: { max_new_tokens: max, details: true },
        stream: true,
      })
    : json(family, { messages: user(text), max_tokens: max, stream: true });

/** The families that take `max_new_tokens` or `max_tokens` and report the cut. */
export const FAMILIES = ["tgi", "tgi-messages", "lmi", "lmi-messages", "vllm"] as const;

/** vLLM, asked for usage: `stream_options.include_usage`. */
export const vllmWithUsage = (text: string): Request =>
  json("vllm", { messages: user(text), stream: true, stream_options: { include_usage: true } });

/** A question about the weather with the demo's `get_weather` tool offered: a tool call. */
export const weatherCall = (
  family: "vllm" | "tgi-messages" | "lmi-messages",
  city: string,
): Request =>
  json(family, {
    messages: user(`What is the weather in ${city}?`),
    tools: [
      {
        type: "function",
        function: { name: "get_weather", parameters: { type: "object" } },
      },
    ],
    stream: true,
  });

/** LMI (`inputs` style) failing after its first token, inside the stream (token id −1). */
export const lmiFailing = (): Request => json("lmi", { inputs: "crash [error]", stream: true });

/** The message the demo LMI container sends with its in-band error. */
export const LMI_FAILURE = "Demo failure: the model crashed mid-stream";
