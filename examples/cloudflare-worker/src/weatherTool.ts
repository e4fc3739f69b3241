import { jsonSchema, tool } from "ai";

/**
 * A server-side tool, to show the round trip: the model calls it, the Worker runs it, and the
 * model answers with its result. A demo: it makes the weather up. Offer your own tools the same
 * way; the page sees each call and result as a tool part.
 */
export const getWeather = tool({
  description: "The current weather in a city",
  inputSchema: jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string", description: "The city's name, e.g. Paris" } },
    required: ["city"],
    additionalProperties: false,
  }),
  execute: async ({ city }) => `18°C and sunny in ${city}`,
});
