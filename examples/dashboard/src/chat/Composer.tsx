import { type FormEvent, useState } from "react";

interface Props {
  streaming: boolean;
  onSend(prompt: string): void;
  onStop(): void;
}

/** The message box; Enter sends (Shift+Enter for a new line), Stop ends a stream early. */
export function Composer({ streaming, onSend, onStop }: Props) {
  const [prompt, setPrompt] = useState("");
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!prompt.trim() || streaming) return;
    onSend(prompt.trim());
    setPrompt("");
  };
  return (
    <form className="composer" onSubmit={submit} aria-label="Send a message">
      <div className="field">
        <label htmlFor="chat-message">Message</label>
        <textarea
          id="chat-message"
          rows={2}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || e.shiftKey) return;
            e.preventDefault();
            submit();
          }}
          placeholder="My name is Ada."
        />
      </div>
      {streaming ? (
        <button type="button" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="primary">
          Send message
        </button>
      )}
    </form>
  );
}
