import { jsonSchema, type Tool, tool } from "ai";

/** The tool the chat tests offer the model: the demo containers call it for a weather question. */
export const weather: Tool<{ city: string }> = tool({
  description: "The weather in a city",
  inputSchema: jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  }),
});
