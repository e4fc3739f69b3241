import { type InferUITools, jsonSchema, tool } from "ai";

/** The forecast the demo tool gives for every city: the page runs the tool, not a weather service. */
export const DEMO_FORECAST = "12°C and light rain";

/**
 * `get_weather`, the tool the demo containers call when asked about the weather "in <City>".
 * It runs in the page (`execute`); the model then answers with its result.
 */
export const weatherTools = {
  get_weather: tool({
    description: "The weather forecast for a city",
    inputSchema: jsonSchema<{ city: string }>({
      type: "object",
      properties: { city: { type: "string", description: "The city's name" } },
      required: ["city"],
    }),
    execute: async ({ city }) => `${DEMO_FORECAST} in ${city}`,
  }),
};

export type WeatherTools = InferUITools<typeof weatherTools>;
