import { useChat } from "@ai-sdk/react";
import { SageMakerChatTransport, type SageMakerProvider } from "@sagefetch/ai";
import { isStepCount } from "ai";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useCallLog } from "../history/CallLogContext";
import { answerCall } from "./answerCall";
import { answerMetadata, type ChatMessage, errorName } from "./answerMetadata";
import { type ChatModel, takesTools } from "./chatModels";
import { weatherTools } from "./demoWeather";
import { failureText } from "./failureText";
import { switchingTransport } from "./switchingTransport";

/** Enough for every demo answer; a real model stops at its own end of text. */
const MAX_OUTPUT_TOKENS = 256;

/**
 * The chat: `useChat` over a `SageMakerChatTransport` that runs the picked model in the page
 * (the demo mock, or Cognito credentials through the relay). The weather tool runs in the page,
 * and a second step answers with its result. Every answer goes to the call log.
 */
export function useSageMakerChat(sagemaker: SageMakerProvider, initial: ChatModel) {
  const [model, setModel] = useState(initial);
  // The name of the error the answer failed with, for the call log.
  const failedWith = useRef<string>(undefined);
  const transport = useMemo(
    () =>
      new SageMakerChatTransport<ChatMessage>({
        model: sagemaker(model.endpointName, { container: model.container }),
        ...(takesTools(model.container) ? { tools: weatherTools, stopWhen: isStepCount(2) } : {}),
        maxOutputTokens: MAX_OUTPUT_TOKENS,
        // The client retries (Cognito, the relay, throttling) by its own rules; not again here.
        maxRetries: 0,
        messageMetadata: answerMetadata(model),
        errorMessage: (error) => {
          failedWith.current = errorName(error);
          return failureText(error);
        },
      }),
    [sagemaker, model],
  );
  const current = useRef(transport);
  useEffect(() => {
    current.current = transport;
  }, [transport]);
  const [sending] = useState(() => switchingTransport(() => current.current));

  const { record } = useCallLog();
  const [stopped, setStopped] = useState<ReadonlySet<string>>(new Set());
  const chat = useChat<ChatMessage>({
    transport: sending,
    onFinish: (finished) => {
      if (finished.isAbort) setStopped((ids) => new Set(ids).add(finished.message.id));
      record(answerCall(finished, failedWith.current));
      failedWith.current = undefined;
    },
  });
  const { sendMessage } = chat;
  const send = useCallback((text: string) => void sendMessage({ text }), [sendMessage]);
  const busy = chat.status === "submitted" || chat.status === "streaming";
  return {
    model,
    setModel,
    messages: chat.messages,
    status: chat.status,
    busy,
    error: chat.error,
    stopped,
    send,
    stop: () => void chat.stop(),
    regenerate: () => void chat.regenerate(),
  };
}

export type Chat = ReturnType<typeof useSageMakerChat>;
