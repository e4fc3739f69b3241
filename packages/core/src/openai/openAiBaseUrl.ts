import { normalizeRegion } from "../endpoint/normalizeRegion";
import { type EndpointInput, resolveEndpoint } from "../endpoint/resolveEndpoint";
import { FIELD_RULES } from "../protocol/fields";
import { checkField } from "../validate/validateFields";

export interface OpenAiRouteTarget {
  /** The region of the endpoint, e.g. `us-east-1` (`fips-us-east-1` asks for FIPS too). */
  region: string;
  /** The SageMaker endpoint's name. */
  endpointName: string;
  /** An inference component on that endpoint, to talk to it rather than the endpoint. */
  inferenceComponentName?: string;
  /** The FIPS host, as the endpoint rules give it for the region's partition. @default false */
  useFipsEndpoint?: boolean;
  /** The dual-stack (IPv6) host. @default false */
  useDualstackEndpoint?: boolean;
  /**
   * Another base URL than SageMaker Runtime's, e.g. a local emulator. Never a relay: a bearer
   * token is a reusable credential (see the README).
   */
  endpoint?: EndpointInput;
}

/**
 * The base URL of an endpoint's (or inference component's) OpenAI-compatible route, what the
 * `openai` client calls `baseURL`: `https://runtime.sagemaker.{region}.{dnsSuffix}/endpoints/
 * {name}[/inference-components/{component}]/openai/v1`, with the host of the endpoint rules
 * (FIPS, dual-stack, China and the other partitions).
 * @example
 * openAiBaseUrl({ region: "us-east-1", endpointName: "my-llm" });
 * // "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/my-llm/openai/v1"
 */
export function openAiBaseUrl(target: OpenAiRouteTarget): string {
  const { endpointName, inferenceComponentName } = target;
  checkField("openAiBaseUrl", "endpointName", endpointName, FIELD_RULES.EndpointName, true);
  checkField(
    "openAiBaseUrl",
    "inferenceComponentName",
    inferenceComponentName,
    FIELD_RULES.InferenceComponentName,
  );
  const { region, fips } = normalizeRegion(target.region);
  const base = resolveEndpoint({
    region,
    useFipsEndpoint: fips || target.useFipsEndpoint === true,
    useDualstackEndpoint: target.useDualstackEndpoint === true,
    endpoint: target.endpoint,
  });
  const component =
    inferenceComponentName === undefined ? "" : `/inference-components/${inferenceComponentName}`;
  // The names match their patterns, so they need no encoding.
  return `${base.href.replace(/\/+$/, "")}/endpoints/${endpointName}${component}/openai/v1`;
}
