import type { Mode } from "../settings/settings";
import { Composer } from "./Composer";
import { ModelPicker } from "./ModelPicker";
import { Transcript } from "./Transcript";
import type { Chat } from "./useSageMakerChat";

/** A conversation on `useChat`, with the model picked here, run in the page. */
export function ChatPanel({ chat, mode }: { chat: Chat; mode: Mode }) {
  const failure = chat.status === "error" ? chat.error?.message : undefined;
  return (
    <section aria-labelledby="chat-heading">
      <h2 id="chat-heading">
        Chat{" "}
        <span className="muted">
          with {chat.model.endpointName || "an endpoint"} ({chat.model.container})
        </span>
      </h2>
      <ModelPicker mode={mode} model={chat.model} disabled={chat.busy} onChange={chat.setModel} />
      <Transcript
        messages={chat.messages}
        busy={chat.busy}
        failure={failure}
        stopped={chat.stopped}
      />
      <Composer
        busy={chat.busy}
        canRegenerate={chat.messages.length > 0}
        onSend={chat.send}
        onStop={chat.stop}
        onRegenerate={chat.regenerate}
      />
    </section>
  );
}
