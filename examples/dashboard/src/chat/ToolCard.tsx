import type { ChatMessage } from "./answerMetadata";

type WeatherPart = Extract<ChatMessage["parts"][number], { type: "tool-get_weather" }>;

const STATE: Record<WeatherPart["state"], string> = {
  "input-streaming": "asking…",
  "input-available": "running in the page…",
  "approval-requested": "waiting for approval",
  "approval-responded": "approved",
  "output-available": "done",
  "output-error": "failed",
  "output-denied": "denied",
};

/** A call of the weather tool: the city the model asked about, and the forecast it got. */
export function ToolCard({ part }: { part: WeatherPart }) {
  const city = part.input?.city;
  return (
    <figure className="tool-card" data-state={part.state} aria-label="Tool call get_weather">
      <figcaption>
        <span className="mono">get_weather</span>
        <span className="tag">{STATE[part.state] ?? part.state}</span>
      </figcaption>
      <dl className="pairs">
        <div>
          <dt>City</dt>
          <dd data-testid="tool-city">{city ?? "…"}</dd>
        </div>
        {part.state === "output-available" && (
          <div>
            <dt>Forecast</dt>
            <dd data-testid="tool-output">{part.output}</dd>
          </div>
        )}
        {part.state === "output-error" && (
          <div>
            <dt>Error</dt>
            <dd>{part.errorText}</dd>
          </div>
        )}
      </dl>
    </figure>
  );
}
