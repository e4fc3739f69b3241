import type { SageMakerRuntimeClient } from "@sagefetch/core";
import {
  invokeEndpointMutationOptions,
  invokeEndpointQueryOptions,
  invokeEndpointStreamQueryOptions,
} from "@sagefetch/query";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, type JSX } from "solid-js";
import { chatInput, decodeSentiment, sentimentInput, slowCall, slowDefaults } from "./sagemaker";

export interface AppProps {
  client: SageMakerRuntimeClient;
  /** How long the slow model takes to answer. Default: 3000 ms. */
  slowMs?: number;
}

export function App(props: AppProps): JSX.Element {
  // A query: the sentiment of the text, cached per text, refetched as it changes.
  const [text, setText] = createSignal("I love this product");
  const sentiment = useQuery(() =>
    invokeEndpointQueryOptions(props.client, sentimentInput(text()), { decode: decodeSentiment }),
  );

  // A mutation with abort: each call takes the controller's signal when it is made.
  let controller = new AbortController();
  const slow = useMutation(() =>
    invokeEndpointMutationOptions(props.client, {
      defaults: slowDefaults,
      signal: () => controller.signal,
    }),
  );
  const abort = () => {
    controller.abort();
    controller = new AbortController();
  };

  // A streamed answer: `data` grows as tokens arrive.
  const [prompt, setPrompt] = createSignal("Hello there");
  const [asked, setAsked] = createSignal<string>();
  const answer = useQuery(() => ({
    ...invokeEndpointStreamQueryOptions(props.client, chatInput(asked() ?? "")),
    enabled: asked() !== undefined,
  }));

  const slowText = () => {
    if (slow.isPending) return "waiting…";
    if (slow.error) return slow.error.name;
    const data = slow.data?.data as { waitedMs?: number } | undefined;
    return data ? `answered after ${data.waitedMs} ms` : "idle";
  };
  const answerStatus = () => {
    if (asked() === undefined) return "idle";
    if (answer.error) return answer.error.name;
    return answer.isFetching ? "streaming" : "done";
  };

  return (
    <main>
      <section aria-label="Query">
        <label>
          Text <input value={text()} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <output data-testid="sentiment">
          {sentiment.error?.name ?? sentiment.data?.[0]?.label ?? "…"}
        </output>
        <small data-testid="score">{sentiment.data?.[0]?.score ?? ""}</small>
      </section>
      <section aria-label="Mutation">
        <button type="button" onClick={() => slow.mutate(slowCall(props.slowMs ?? 3000))}>
          Ask the slow model
        </button>
        <button type="button" onClick={abort} disabled={!slow.isPending}>
          Abort
        </button>
        <output data-testid="slow">{slowText()}</output>
      </section>
      <section aria-label="Stream">
        <label>
          Prompt{" "}
          <input value={prompt()} onInput={(event) => setPrompt(event.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => setAsked(prompt())}>
          Stream the answer
        </button>
        <p data-testid="answer">{answer.data ?? ""}</p>
        <output data-testid="answer-status">{answerStatus()}</output>
      </section>
    </main>
  );
}
