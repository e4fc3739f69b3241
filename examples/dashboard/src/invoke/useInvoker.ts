import { useInvokeEndpoint } from "@sagefetch/react";
import { useCallback, useState } from "react";
import { useCallLog } from "../history/CallLogContext";
import type { InvokeRequest } from "../history/callRecord";
import { decodeAnswer } from "./decodeAnswer";
import { outcomeOf } from "./errorDetails";

/** `useInvokeEndpoint`, timed and written to the call log, remembering what it sent. */
export function useInvoker() {
  const call = useInvokeEndpoint({ decode: decodeAnswer });
  const { invoke } = call;
  const { record } = useCallLog();
  const [request, setRequest] = useState<InvokeRequest>();
  const send = useCallback(
    async (next: InvokeRequest) => {
      setRequest(next);
      const startedAt = Date.now();
      const started = performance.now();
      let outcome = "ok";
      try {
        await invoke({
          EndpointName: next.endpointName,
          ContentType: next.contentType,
          Body: next.body,
          ...(next.customAttributes ? { CustomAttributes: next.customAttributes } : {}),
        });
      } catch (error) {
        outcome = outcomeOf(error);
      }
      record({
        kind: "invoke",
        request: next,
        startedAt,
        durationMs: performance.now() - started,
        outcome,
      });
    },
    [invoke, record],
  );
  return { ...call, request, send };
}

export type Invoker = ReturnType<typeof useInvoker>;
