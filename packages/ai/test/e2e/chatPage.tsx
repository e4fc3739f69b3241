// The page under test: a stock `useChat` app with SageMakerChatTransport, signing in as a Cognito
// guest and calling the endpoint through the relay, as a front-end app would. Bundled by esbuild
// and served on its own origin; the test drives it with Playwright.
import { useChat } from "@ai-sdk/react";
import { fromCognitoIdentityPool } from "@sagefetch/core/cognito";
import { isStepCount, jsonSchema, tool } from "ai";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { createSageMaker, SageMakerChatTransport, type SageMakerContainer } from "../../src/index";

const params = new URLSearchParams(location.search);
const setting = (name: string) => params.get(name) ?? "";

const sagemaker = createSageMaker({
  region: "us-east-1",
  endpoint: setting("emulator"),
  relay: setting("relay"),
  credentials: fromCognitoIdentityPool({
    identityPoolId: setting("pool"),
    endpoint: setting("cognito"),
    cache: false,
  }),
});

const container = (setting("container") || "vllm") as SageMakerContainer;
const transport = new SageMakerChatTransport({
  model: sagemaker(setting("endpoint") || container, { container }),
  tools: {
    get_weather: tool({
      description: "The weather in a city",
      inputSchema: jsonSchema<{ city: string }>({
        type: "object",
        properties: { city: { type: "string" } },
        required: ["city"],
      }),
      execute: async ({ city }) => `18°C and sunny in ${city}`,
    }),
  },
  stopWhen: isStepCount(2),
});

function App() {
  const { messages, sendMessage, stop, regenerate, status, error } = useChat({ transport });
  const [text, setText] = useState("");
  return (
    <main>
      <ol id="messages">
        {messages.map((message) => (
          <li key={message.id} className={message.role}>
            <span>
              {message.parts.map((part) => (part.type === "text" ? part.text : "")).join("")}
            </span>
            {message.parts.map((part) =>
              part.type === "tool-get_weather" ? (
                <section key={part.toolCallId} className="tool-card" data-state={part.state}>
                  get_weather({JSON.stringify(part.input)}) →{" "}
                  {part.state === "output-available" ? String(part.output) : "…"}
                </section>
              ) : null,
            )}
          </li>
        ))}
      </ol>
      <p id="status">{status}</p>
      {error ? <p id="error">{error.message}</p> : null}
      <input id="prompt" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" id="send" onClick={() => sendMessage({ text })}>
        Send
      </button>
      <button type="button" id="stop" onClick={() => stop()}>
        Stop
      </button>
      <button type="button" id="regenerate" onClick={() => regenerate()}>
        Regenerate
      </button>
    </main>
  );
}

createRoot(document.getElementById("root") as HTMLElement).render(<App />);
