import type { ChatTransport, UIMessage } from "ai";

/**
 * A transport that sends with whichever transport `current()` gives at the time, so that the
 * model picker can change the model in the middle of a conversation (`useChat` keeps the
 * transport it was first given).
 */
export function switchingTransport<M extends UIMessage>(
  current: () => ChatTransport<M>,
): ChatTransport<M> {
  return {
    sendMessages: (options) => current().sendMessages(options),
    reconnectToStream: (options) => current().reconnectToStream(options),
  };
}
