import type { SageMakerProvider } from "@sagefetch/ai";
import { lazy, Suspense, useState } from "react";
import type { ChatReplay } from "./chat/ChatTab";
import type { CallRecord } from "./history/callRecord";
import { HistoryPanel } from "./history/HistoryPanel";
import { InvokePanel } from "./invoke/InvokePanel";
import { useInvokeForm } from "./invoke/useInvokeForm";
import { useInvoker } from "./invoke/useInvoker";
import { LatencyPanel } from "./metrics/LatencyPanel";
import type { Mode } from "./settings/settings";
import { Tabs } from "./ui/Tabs";

type TabId = "invoke" | "chat";

// The chat brings the AI SDK: loaded on its own, so that the Invoke tab is ready without it.
const ChatTab = lazy(() => import("./chat/ChatTab").then((m) => ({ default: m.ChatTab })));

interface Props {
  mode: Mode;
  /** The AI SDK provider the chat's models come from. */
  sagemaker: SageMakerProvider;
}

/** Invoke and Chat tabs, beside the latency chart and the history. */
export function Workspace({ mode, sagemaker }: Props) {
  const [tab, setTab] = useState<TabId>("invoke");
  const form = useInvokeForm(mode === "demo" ? "echo" : "");
  const invoker = useInvoker();
  const [chatReplay, setChatReplay] = useState<ChatReplay>();
  const replay = (call: CallRecord) => {
    if (call.kind === "stream") {
      setTab("chat");
      setChatReplay({ prompt: call.request.prompt ?? "" });
      return;
    }
    setTab("invoke");
    form.load(call.request);
    void invoker.send(call.request);
  };
  return (
    <main className="workspace">
      <div className="main-column">
        <Tabs<TabId>
          label="Call an endpoint"
          selected={tab}
          onSelect={setTab}
          tabs={[
            {
              id: "invoke",
              label: "Invoke",
              panel: <InvokePanel mode={mode} form={form} invoker={invoker} />,
            },
            {
              id: "chat",
              label: "Chat (stream)",
              panel: (
                <Suspense fallback={<p className="muted">Loading the chat…</p>}>
                  <ChatTab mode={mode} sagemaker={sagemaker} replay={chatReplay} />
                </Suspense>
              ),
            },
          ]}
        />
      </div>
      <aside className="side-column" aria-label="Latency and history">
        <LatencyPanel />
        <HistoryPanel onReplay={replay} />
      </aside>
    </main>
  );
}
