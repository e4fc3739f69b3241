import { createBearerTokenSource } from "../bearer/createBearerTokenSource";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "../credentials/types";
import { normalizeRegion } from "../endpoint/normalizeRegion";
import { bearerTokenFetch } from "./bearerTokenFetch";
import { type OpenAiRouteTarget, openAiBaseUrl } from "./openAiBaseUrl";

export interface OpenAiRouteOptions extends OpenAiRouteTarget {
  /** Credentials or an async provider of them; the tokens are made from these. */
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Lifetime of each token, in seconds (1 to 43,200). @default 43200 */
  expiresIn?: number;
  /** The fetch to send with. @default globalThis.fetch, looked up at each request */
  fetch?: typeof fetch;
}

/** Settings that both the `openai` client and `@ai-sdk/openai-compatible` accept as they are. */
export interface OpenAiClientSettings {
  /** The provider name `createOpenAICompatible` wants (`openai` ignores it). */
  name: string;
  baseURL: string;
  /**
   * A placeholder: the `openai` client requires one. The real token replaces it on each
   * request, set by `fetch`.
   */
  apiKey: string;
  fetch: typeof fetch;
}

/**
 * Everything an OpenAI client needs to talk to a SageMaker endpoint's OpenAI-compatible route:
 * the base URL, and a fetch that sends a bearer token made from your credentials (renewed before
 * it expires) to that host only.
 * @example
 * const settings = openAiRouteOptions({ region: "us-east-1", endpointName: "my-llm", credentials });
 * const openai = new OpenAI(settings);                 // the official `openai` client
 * const provider = createOpenAICompatible(settings);   // the AI SDK's `@ai-sdk/openai-compatible`
 */
export function openAiRouteOptions(options: OpenAiRouteOptions): OpenAiClientSettings {
  const baseURL = openAiBaseUrl(options);
  const tokens = createBearerTokenSource({
    credentials: options.credentials,
    region: normalizeRegion(options.region).region,
    expiresIn: options.expiresIn,
  });
  return {
    name: "sagemaker",
    baseURL,
    apiKey: "sagemaker-bearer-token-set-per-request",
    fetch: bearerTokenFetch({ tokens, origin: baseURL, fetch: options.fetch }),
  };
}
