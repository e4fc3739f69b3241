import { type FormEvent, useState } from "react";

interface Props {
  busy: boolean;
  /** Whether there is an answer to ask for again. */
  canRegenerate: boolean;
  onSend(prompt: string): void;
  onStop(): void;
  onRegenerate(): void;
}

/**
 * The message box; Enter sends (Shift+Enter for a new line), Stop ends an answer early,
 * Regenerate asks for the last answer again.
 */
export function Composer({ busy, canRegenerate, onSend, onStop, onRegenerate }: Props) {
  const [prompt, setPrompt] = useState("");
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!prompt.trim() || busy) return;
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
          placeholder="What is the weather in Oslo?"
        />
      </div>
      <div className="composer-actions">
        {busy ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : (
          <>
            {canRegenerate && (
              <button type="button" onClick={onRegenerate}>
                Regenerate
              </button>
            )}
            <button type="submit" className="primary">
              Send message
            </button>
          </>
        )}
      </div>
    </form>
  );
}
