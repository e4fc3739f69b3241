/** The steps of a call in account mode, in order. */
export type Step = "cognito" | "relay" | "endpoint";

/** What each step is, for a person reading why a call failed. */
export const STEPS: Record<Step, { name: string; says: string }> = {
  cognito: {
    name: "Cognito",
    says: "Getting credentials from the Cognito identity pool failed: check the pool id, its region, and that it allows guest (unauthenticated) identities.",
  },
  relay: {
    name: "Relay",
    says: "The call did not get through the relay: check its URL, that it is running, and that it allows this page's origin.",
  },
  endpoint: {
    name: "Endpoint",
    says: "SageMaker Runtime answered with this error.",
  },
};

const marked = new WeakMap<object, Step>();
const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;

/**
 * Runs a step: what it throws is remembered as that step's failure and thrown on unchanged (so
 * the client still retries, aborts and types it as ever). An abort is no failure.
 */
export async function inStep<T>(step: Step, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isObject(error) && (error as Error).name !== "AbortError") marked.set(error, step);
    throw error;
  }
}

/**
 * The step a call failed at: one `inStep` saw fail (also as the `cause` of the error given);
 * else, for an error answered over HTTP, the endpoint when the answer has SageMaker Runtime's
 * request id, and the relay (refusing the call itself) when it has none. Undefined otherwise.
 */
export function failedStep(error: unknown): Step | undefined {
  for (let e = error, depth = 0; isObject(e) && depth < 5; e = (e as Error).cause, depth++) {
    const step = marked.get(e);
    if (step) return step;
  }
  if (!isObject(error)) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown; requestId?: unknown } })
    .$metadata;
  if (typeof metadata?.httpStatusCode !== "number") return undefined;
  return metadata.requestId ? "endpoint" : "relay";
}
