import { type EndpointDefinition, modelError, demoEndpoints as productDemos } from "@sagefetch/msw";

/** Models the runtime tests call: each shows one behaviour of the service. */
export const demoEndpoints: Record<string, EndpointDefinition> = {
  // The product's demo endpoints (chat streams TGI-style tokens and keeps sessions).
  chat: productDemos.chat,
  tabular: productDemos.tabular,
  // Returns what it got, and says what it saw of the request's headers.
  echo: (request) => ({
    body: request.body,
    contentType: request.contentType ?? "application/octet-stream",
    customAttributes: request.customAttributes,
  }),
  sentiment: (request) => {
    const { inputs } = request.json<{ inputs?: unknown }>();
    if (typeof inputs !== "string") throw modelError(400, 'expected {"inputs": string}');
    return { body: [{ label: inputs.includes("love") ? "POSITIVE" : "NEGATIVE", score: 0.98 }] };
  },
  // Reports the routing fields the model saw. Multi-model: the only kind that takes TargetModel.
  inspect: {
    model: (request) => ({
      body: {
        targetModel: request.targetModel,
        targetVariant: request.targetVariant,
        targetContainerHostname: request.targetContainerHostname,
        inferenceId: request.inferenceId,
        inferenceComponentName: request.inferenceComponentName,
        sessionId: request.sessionId,
        enableExplanations: request.enableExplanations,
        accept: request.accept,
        prefixAwareId: request.headers["x-amzn-sagemaker-prefix-aware-id"],
      },
    }),
    models: ["model-a.tar.gz"],
  },
  variants: { model: () => ({ body: "ok" }), variants: ["blue", "green"] },
  broken: () => {
    throw modelError(500, "CUDA out of memory");
  },
  session: (request) =>
    request.sessionId === "NEW_SESSION"
      ? { body: "opened", newSessionId: "sess-1; Expires=2026-11-24T13:00:00Z" }
      : { body: "closed", closedSessionId: request.sessionId },
};

/**
 * A stateful-session endpoint that shows the order its calls reach the model in: the model reads
 * `{"n": number, "wait": ms}`, waits `wait`, writes `n` to `order` and answers `{ n }`.
 */
export function orderedEndpoint(order: string[]): EndpointDefinition {
  return {
    sessions: {},
    model: async (request) => {
      const { n, wait } = request.json<{ n: number; wait: number }>();
      await new Promise((resolve) => setTimeout(resolve, wait));
      order.push(String(n));
      return { body: { n } };
    },
  };
}
