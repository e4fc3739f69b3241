import type {
  BodyInput,
  InvokeEndpointCommandInput,
  InvokeEndpointWithResponseStreamCommandInput,
} from "@sagefetch/core";
import { digest } from "./internal/digest";

/**
 * The input of a cached query: InvokeEndpoint's, with a Body that can be digested during
 * render (no Blob) and no `SessionId` (a session's answers depend on its history: they are
 * not cacheable).
 */
export type InvokeEndpointQueryInput = Omit<InvokeEndpointCommandInput, "Body" | "SessionId"> & {
  Body: Exclude<BodyInput, Blob>;
};

/** The input of a streamed query: InvokeEndpointWithResponseStream's, on the same terms. */
export type InvokeEndpointStreamQueryInput = Omit<
  InvokeEndpointWithResponseStreamCommandInput,
  "Body" | "SessionId"
> & {
  Body: Exclude<BodyInput, Blob>;
};

/**
 * What identifies an answer besides the endpoint: every field sent (those below, and any
 * added to the input later), with the Body and CustomAttributes as digests (keys show in the
 * devtools and in persisted caches; those values themselves never do). Undefined fields are
 * left out.
 */
export interface InvokeKeyFields {
  ContentType?: string;
  Accept?: string;
  TargetModel?: string;
  TargetVariant?: string;
  TargetContainerHostname?: string;
  InferenceComponentName?: string;
  InferenceId?: string;
  EnableExplanations?: string;
  PrefixAwareId?: string;
  /** Digest of CustomAttributes, when sent. */
  CustomAttributes?: string;
  /** Digest of the Body: `<bytes>:<64-bit hex>`. */
  Body: string;
}

export type SageMakerRootKey = readonly ["sagemaker"];
export type SageMakerEndpointKey = readonly ["sagemaker", "endpoint", string];
export type InvokeEndpointQueryKey = readonly [
  "sagemaker",
  "endpoint",
  string,
  "invoke",
  InvokeKeyFields,
];
export type InvokeEndpointStreamQueryKey = readonly [
  "sagemaker",
  "endpoint",
  string,
  "stream",
  InvokeKeyFields,
];

/**
 * Query keys of sagefetch's queries, from the widest to the narrowest: `all` ⊃ `endpoint(name)`
 * ⊃ `invoke(input)` and `stream(input)`. Use them with `queryClient.invalidateQueries`, `getQueryData`,
 * `removeQueries`, ...
 * @example queryClient.invalidateQueries({ queryKey: sageMakerKeys.endpoint("sentiment") })
 */
export const sageMakerKeys: {
  /** Every sagefetch query: `["sagemaker"]`. */
  readonly all: SageMakerRootKey;
  /** The queries of one endpoint: `["sagemaker", "endpoint", name]`. */
  endpoint(name: string): SageMakerEndpointKey;
  /** One InvokeEndpoint answer: `["sagemaker", "endpoint", name, "invoke", { ...fields, Body: digest }]`. */
  invoke(input: InvokeEndpointQueryInput): InvokeEndpointQueryKey;
  /** One streamed answer: `["sagemaker", "endpoint", name, "stream", { ...fields, Body: digest }]`. */
  stream(input: InvokeEndpointStreamQueryInput): InvokeEndpointStreamQueryKey;
} = {
  all: ["sagemaker"],
  endpoint: (name) => ["sagemaker", "endpoint", name],
  invoke: (input) => [
    "sagemaker",
    "endpoint",
    String(input.EndpointName),
    "invoke",
    fieldsOf(input),
  ],
  stream: (input) => [
    "sagemaker",
    "endpoint",
    String(input.EndpointName),
    "stream",
    fieldsOf(input),
  ],
};

/**
 * Every field sent (a field added to the input later too) but the endpoint and undefined ones,
 * with the Body and CustomAttributes as digests.
 */
function fieldsOf({
  EndpointName: _,
  Body,
  CustomAttributes,
  ...rest
}: InvokeEndpointQueryInput | InvokeEndpointStreamQueryInput): InvokeKeyFields {
  const fields = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(rest)) {
    if (value !== undefined) fields[name] = value;
  }
  if (CustomAttributes !== undefined) fields.CustomAttributes = digest(CustomAttributes);
  fields.Body = digest(Body);
  return fields as unknown as InvokeKeyFields;
}
