import type { SageMakerProvider } from "@sagefetch/ai";
import { useEffect, useRef } from "react";
import type { Mode } from "../settings/settings";
import { ChatPanel } from "./ChatPanel";
import { DEFAULT_CONTAINER } from "./chatModels";
import { useSageMakerChat } from "./useSageMakerChat";

/** A message to send again, from the history (a new object each time it is asked). */
export interface ChatReplay {
  prompt: string;
}

interface Props {
  mode: Mode;
  sagemaker: SageMakerProvider;
  replay: ChatReplay | undefined;
}

/**
 * The chat tab: its own module, loaded apart from the Invoke tab (it brings the AI SDK), with
 * the conversation's state.
 */
export function ChatTab({ mode, sagemaker, replay }: Props) {
  const chat = useSageMakerChat(sagemaker, {
    container: DEFAULT_CONTAINER,
    endpointName: mode === "demo" ? DEFAULT_CONTAINER : "",
  });
  const { send } = chat;
  const replayed = useRef<ChatReplay>(undefined);
  useEffect(() => {
    if (!replay || replay === replayed.current) return;
    replayed.current = replay;
    send(replay.prompt);
  }, [replay, send]);
  return <ChatPanel chat={chat} mode={mode} />;
}
