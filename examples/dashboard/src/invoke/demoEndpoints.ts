import type { BodyKind } from "./bodyKinds";

export interface EndpointSample {
  name: string;
  description: string;
  kind: BodyKind;
  /** A body to start from, by kind. */
  bodies: Partial<Record<Exclude<BodyKind, "image">, string>>;
  customAttributes?: string;
}

/** The endpoints of demo mode (`demoEndpoints` of @sagefetch/msw), with bodies to try. */
export const DEMO_ENDPOINTS: readonly EndpointSample[] = [
  {
    name: "echo",
    description: "returns the body with its content type",
    kind: "json",
    bodies: {
      json: '{"inputs": "Hello, SageMaker"}',
      csv: "1,2,3\n4,5,6",
      text: "Hello, SageMaker",
    },
    customAttributes: "trace=dashboard",
  },
  {
    name: "sentiment",
    description: "text → POSITIVE or NEGATIVE, with a score",
    kind: "json",
    bodies: {
      json: '{"inputs": ["I love how fast this is", "the old client was slow"]}',
      text: "I love how small this client is",
      csv: "great,bad",
    },
  },
  {
    name: "chat",
    description: "TGI-style text generation (stream it in the Chat tab)",
    kind: "json",
    bodies: {
      json: '{"inputs": "What is SageMaker?", "parameters": {"max_new_tokens": 32}}',
      text: "What is SageMaker?",
    },
  },
  {
    name: "tabular",
    description: "CSV rows of numbers → one prediction per row",
    kind: "csv",
    bodies: { csv: "1,2,3\n-1,-2,-3\n0.5,0.25,4", json: '{"rows": [[1, 2, 3]]}' },
  },
  {
    name: "flaky",
    description: "fails every other call with a ModelError (container 503)",
    kind: "json",
    bodies: { json: "{}" },
  },
  {
    name: "slow",
    description: "answers after the delay named in its custom attributes",
    kind: "json",
    bodies: { json: "{}" },
    customAttributes: "delay-ms=600",
  },
];

export function sampleFor(endpointName: string): EndpointSample | undefined {
  return DEMO_ENDPOINTS.find((e) => e.name === endpointName);
}

/** The sample body for an endpoint and kind ("" when there is none). */
export function sampleBody(endpointName: string, kind: BodyKind): string {
  if (kind === "image") return "";
  const bodies = sampleFor(endpointName)?.bodies ?? {};
  return bodies[kind] ?? "";
}
