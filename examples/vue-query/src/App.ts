import type { SageMakerRuntimeClient } from "@sagefetch/core";
import {
  type InvokeEndpointQueryKey,
  type InvokeEndpointStreamQueryKey,
  invokeEndpointMutationOptions,
  invokeEndpointQueryOptions,
  invokeEndpointStreamQueryOptions,
  type SageMakerError,
} from "@sagefetch/query";
import { useMutation, useQuery } from "@tanstack/vue-query";
import { defineComponent, h, type PropType, ref } from "vue";
import {
  chatInput,
  decodeSentiment,
  type Sentiment,
  sentimentInput,
  slowCall,
  slowDefaults,
} from "./sagemaker";

// Components as `defineComponent` + `h()`, so that `tsc` type-checks them (vue-tsc, which
// checks single-file components, needs TypeScript's JavaScript API, gone in TypeScript 7).
export const App = defineComponent({
  name: "App",
  props: {
    client: { type: Object as PropType<SageMakerRuntimeClient>, required: true },
    /** How long the slow model takes to answer. */
    slowMs: { type: Number, default: 3000 },
  },
  setup(props) {
    // A query: the sentiment of the text, cached per text, refetched as it changes.
    const text = ref("I love this product");
    const sentiment = useQuery<Sentiment[], SageMakerError, Sentiment[], InvokeEndpointQueryKey>(
      () =>
        invokeEndpointQueryOptions(props.client, sentimentInput(text.value), {
          decode: decodeSentiment,
        }),
    );

    // A mutation with abort: each call takes the controller's signal when it is made.
    let controller = new AbortController();
    const slow = useMutation(
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
    const prompt = ref("Hello there");
    const asked = ref<string>();
    const answer = useQuery<string, SageMakerError, string, InvokeEndpointStreamQueryKey>(() => ({
      ...invokeEndpointStreamQueryOptions(props.client, chatInput(asked.value ?? "")),
      enabled: asked.value !== undefined,
    }));

    return () =>
      h("main", [
        h("section", { "aria-label": "Query" }, [
          h("label", [
            "Text ",
            h("input", {
              value: text.value,
              onInput: (event: Event) => {
                text.value = (event.target as HTMLInputElement).value;
              },
            }),
          ]),
          h("output", { "data-testid": "sentiment" }, sentimentText()),
          h("small", { "data-testid": "score" }, String(sentiment.data.value?.[0]?.score ?? "")),
        ]),
        h("section", { "aria-label": "Mutation" }, [
          h("button", { onClick: () => slow.mutate(slowCall(props.slowMs)) }, "Ask the slow model"),
          h("button", { onClick: abort, disabled: !slow.isPending.value }, "Abort"),
          h("output", { "data-testid": "slow" }, slowText()),
        ]),
        h("section", { "aria-label": "Stream" }, [
          h("label", [
            "Prompt ",
            h("input", {
              value: prompt.value,
              onInput: (event: Event) => {
                prompt.value = (event.target as HTMLInputElement).value;
              },
            }),
          ]),
          h(
            "button",
            {
              onClick: () => {
                asked.value = prompt.value;
              },
            },
            "Stream the answer",
          ),
          h("p", { "data-testid": "answer" }, answer.data.value ?? ""),
          h("output", { "data-testid": "answer-status" }, answerStatus()),
        ]),
      ]);

    function sentimentText(): string {
      if (sentiment.error.value) return sentiment.error.value.name;
      const [first] = sentiment.data.value ?? [];
      return first?.label ?? "…";
    }

    function slowText(): string {
      if (slow.isPending.value) return "waiting…";
      if (slow.error.value) return slow.error.value.name;
      const data = slow.data.value?.data as { waitedMs?: number } | undefined;
      return data ? `answered after ${data.waitedMs} ms` : "idle";
    }

    function answerStatus(): string {
      if (asked.value === undefined) return "idle";
      if (answer.error.value) return answer.error.value.name;
      return answer.isFetching.value ? "streaming" : "done";
    }
  },
});
