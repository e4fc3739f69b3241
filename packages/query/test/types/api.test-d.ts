// Type tests: checked by `tsc` (the package's typecheck task); a wrong use that compiles, or a
// right one that does not, fails the build.
import type { InvokeEndpointCommandOutput, SageMakerRuntimeClient } from "@sagefetch/core";
import { MutationObserver, type QueryClient, QueryObserver } from "@tanstack/query-core";
import { expectTypeOf } from "vitest";
import {
  type InvokeResult,
  invokeEndpointMutationOptions,
  invokeEndpointQueryOptions,
  invokeEndpointStreamQueryOptions,
  type SageMakerError,
} from "../../src/index";

declare const client: SageMakerRuntimeClient;
declare const queryClient: QueryClient;
interface Sentiment {
  label: "POSITIVE" | "NEGATIVE";
  score: number;
}
const decodeSentiment = (output: InvokeEndpointCommandOutput) =>
  JSON.parse(output.Body.transformToString()) as Sentiment[];
const input = { EndpointName: "sentiment", Body: "x", ContentType: "application/json" };

export async function queryTypes(): Promise<void> {
  const options = invokeEndpointQueryOptions(client, input, { decode: decodeSentiment });
  expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<Sentiment[] | undefined>();
  expectTypeOf(await queryClient.fetchQuery(options)).toEqualTypeOf<Sentiment[]>();
  const labels = new QueryObserver(queryClient, {
    ...invokeEndpointQueryOptions(client, input, {
      decode: decodeSentiment,
      select: (results) => results.map((r) => r.label),
    }),
  });
  expectTypeOf(labels.getCurrentResult().data).toEqualTypeOf<
    ("POSITIVE" | "NEGATIVE")[] | undefined
  >();
  expectTypeOf(labels.getCurrentResult().error).toEqualTypeOf<SageMakerError | null>();
  // @ts-expect-error: a Blob cannot be digested into a key.
  invokeEndpointQueryOptions(client, { EndpointName: "e", Body: new Blob(["x"]) });
  // @ts-expect-error: a session's answers are not cacheable.
  invokeEndpointQueryOptions(client, { EndpointName: "e", Body: "x", SessionId: "abc" });
}

export async function mutationTypes(): Promise<void> {
  const plain = new MutationObserver(queryClient, invokeEndpointMutationOptions(client));
  // @ts-expect-error: EndpointName is required without defaults.
  plain.mutate({ Body: "x" });
  const typed = new MutationObserver(
    queryClient,
    invokeEndpointMutationOptions(client, {
      defaults: { EndpointName: "sentiment" },
      decode: decodeSentiment,
    }),
  );
  expectTypeOf(await typed.mutate({ Body: "x" })).toEqualTypeOf<InvokeResult<Sentiment[]>>();
  expectTypeOf(typed.getCurrentResult().error).toEqualTypeOf<SageMakerError | null>();
  // @ts-expect-error: Body is still required.
  typed.mutate({});
}

export async function streamTypes(): Promise<void> {
  const options = invokeEndpointStreamQueryOptions(client, { EndpointName: "chat", Body: "{}" });
  expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<string | undefined>();
  expectTypeOf(await queryClient.fetchQuery(options)).toEqualTypeOf<string>();
  const words = new QueryObserver(queryClient, {
    ...invokeEndpointStreamQueryOptions(
      client,
      { EndpointName: "chat", Body: "{}" },
      { select: (text) => text.split(" ") },
    ),
  });
  expectTypeOf(words.getCurrentResult().data).toEqualTypeOf<string[] | undefined>();
  // @ts-expect-error: a stream in a session is not cacheable either.
  invokeEndpointStreamQueryOptions(client, { EndpointName: "chat", Body: "{}", SessionId: "s" });
}
