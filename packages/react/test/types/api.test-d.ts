// Type tests: checked by `tsc` (the package's typecheck task); a wrong use that compiles, or a
// right one that does not, fails the build.
import type {
  InvokeEndpointCommandOutput,
  SageMakerRuntimeClient,
  SessionState,
} from "@sagefetch/core";
import { type QueryClient, useQueries, useSuspenseQuery } from "@tanstack/react-query";
import { expectTypeOf } from "vitest";
import {
  type InvokeResult,
  invokeEndpointQueryOptions,
  type SageMakerError,
  type StreamResult,
  type StreamStatus,
  sageMakerKeys,
  useInvokeEndpoint,
  useInvokeEndpointQuery,
  useInvokeEndpointStream,
  useStatefulSession,
} from "../../src/index";

declare const client: SageMakerRuntimeClient;
declare const queryClient: QueryClient;
interface Sentiment {
  label: "POSITIVE" | "NEGATIVE";
  score: number;
}
const decodeSentiment = (output: InvokeEndpointCommandOutput) =>
  JSON.parse(output.Body.transformToString()) as Sentiment[];

export function useInvokeTypes(): void {
  const plain = useInvokeEndpoint();
  expectTypeOf(plain.data).toEqualTypeOf<unknown>();
  expectTypeOf(plain.error).toEqualTypeOf<SageMakerError | null>();
  expectTypeOf(plain.status).toEqualTypeOf<"idle" | "pending" | "success" | "error">();
  // @ts-expect-error: EndpointName is required without defaults.
  plain.invoke({ Body: "x" });

  const typed = useInvokeEndpoint({
    defaults: { EndpointName: "sentiment" },
    decode: decodeSentiment,
  });
  expectTypeOf(typed.data).toEqualTypeOf<Sentiment[] | undefined>();
  expectTypeOf(typed.invoke({ Body: "x" })).toEqualTypeOf<Promise<InvokeResult<Sentiment[]>>>();
  typed.invoke({ Body: "x", EndpointName: "other" });
  // @ts-expect-error: Body is still required.
  typed.invoke({});
}

export function useQueryTypes(): void {
  const input = { EndpointName: "sentiment", Body: "x", ContentType: "application/json" };
  expectTypeOf(useInvokeEndpointQuery(input).data).toEqualTypeOf<unknown>();
  const labels = useInvokeEndpointQuery(input, {
    decode: decodeSentiment,
    select: (results) => results.map((r) => r.label),
  });
  expectTypeOf(labels.data).toEqualTypeOf<("POSITIVE" | "NEGATIVE")[] | undefined>();
  expectTypeOf(labels.error).toEqualTypeOf<SageMakerError | null>();
  // @ts-expect-error: a Blob cannot be digested into a key during render.
  useInvokeEndpointQuery({ EndpointName: "e", Body: new Blob(["x"]) });
  // @ts-expect-error: a session's answers are not cacheable (use useStatefulSession).
  useInvokeEndpointQuery({ EndpointName: "e", Body: "x", SessionId: "abc" });

  const options = invokeEndpointQueryOptions(client, input, { decode: decodeSentiment });
  expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<Sentiment[] | undefined>();
  expectTypeOf(useSuspenseQuery(options).data).toEqualTypeOf<Sentiment[]>();
  const [first] = useQueries({ queries: [options] });
  expectTypeOf(first.data).toEqualTypeOf<Sentiment[] | undefined>();
  expectTypeOf(sageMakerKeys.endpoint("e")).toEqualTypeOf<
    readonly ["sagemaker", "endpoint", string]
  >();
}

export function useStreamTypes(): void {
  const stream = useInvokeEndpointStream({ defaults: { EndpointName: "chat" } });
  expectTypeOf(stream.status).toEqualTypeOf<StreamStatus>();
  expectTypeOf(stream.text).toEqualTypeOf<string>();
  expectTypeOf(stream.start({ Body: "{}" })).toEqualTypeOf<Promise<StreamResult>>();
  const bare = useInvokeEndpointStream();
  // @ts-expect-error: EndpointName is required without defaults.
  bare.start({ Body: "{}" });
}

export async function useSessionTypes(): Promise<void> {
  const chat = useStatefulSession({ endpointName: "chat", ContentType: "application/json" });
  // @ts-expect-error: no call before the session is open.
  chat.invoke({ Body: "{}" });
  // @ts-expect-error: nor a stream.
  chat.stream({ Body: "{}" });
  expectTypeOf(chat.session?.state).toEqualTypeOf<SessionState | undefined>();
  if (chat.isOpen) {
    expectTypeOf(chat.session.id).toEqualTypeOf<string>();
    expectTypeOf(chat.session.state).toEqualTypeOf<"open">();
    await chat.invoke({ Body: "{}" });
    expectTypeOf(chat.stream({ Body: "{}" })).toEqualTypeOf<Promise<StreamResult>>();
    await chat.close();
    // @ts-expect-error: the session's calls carry its id themselves.
    chat.invoke({ Body: "{}", SessionId: "other" });
  }
  // While the first session opens: `opening`, without an id yet.
  if (chat.session?.state === "opening") {
    expectTypeOf(chat.session.id).toEqualTypeOf<undefined>();
    expectTypeOf(chat.session.expiresAt).toEqualTypeOf<undefined>();
  } else if (chat.session) {
    expectTypeOf(chat.session.id).toEqualTypeOf<string>();
  }
  expectTypeOf(chat.durationMs).toEqualTypeOf<number | undefined>();
  const session = await chat.open();
  expectTypeOf(session.invoke({ Body: "{}" })).toEqualTypeOf<Promise<InvokeResult<unknown>>>();
  expectTypeOf(session.id).toEqualTypeOf<string>();
  expectTypeOf(session.state).toEqualTypeOf<Exclude<SessionState, "opening">>();
}
