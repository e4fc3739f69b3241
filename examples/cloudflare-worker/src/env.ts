/**
 * The Worker's bindings: `[vars]` in wrangler.toml, secrets set with `wrangler secret put`
 * (or `.dev.vars` for `wrangler dev`).
 */
export interface Env {
  /** Secret. The Worker's own key, used by `/api/chat` only (the relay holds no secret). */
  AWS_ACCESS_KEY_ID?: string;
  /** Secret. */
  AWS_SECRET_ACCESS_KEY?: string;
  /** Secret, for temporary credentials. */
  AWS_SESSION_TOKEN?: string;
  /** The endpoint's region, e.g. `us-east-1`. */
  AWS_REGION?: string;
  /** The SageMaker endpoint `/api/chat` streams from. */
  CHAT_ENDPOINT?: string;
  /**
   * Its serving container's family: `tgi` (the default), `tgi-messages`, `lmi`, `lmi-messages`,
   * `vllm`, `sglang`, or `openai` (the endpoint's OpenAI-compatible route). The families that
   * take OpenAI-shaped bodies are offered the demo `get_weather` tool.
   */
  CHAT_CONTAINER?: string;
  /** A custom SageMaker Runtime URL instead of the region's, e.g. the emulator's. */
  SAGEMAKER_ENDPOINT_URL?: string;
  /** Comma-separated origins allowed to call the Worker from a browser (`*`: any). */
  ALLOWED_ORIGINS?: string;
  /** Comma-separated endpoint names the relay forwards to (empty: any). */
  RELAY_ENDPOINTS?: string;
  /** Comma-separated origins besides AWS's the relay forwards to: the emulator, in development. */
  RELAY_EXTRA_UPSTREAMS?: string;
}

/** The part of Cloudflare's `ExecutionContext` this Worker could use. */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

/** The comma-separated list in a variable, trimmed, empty entries dropped. */
export function listOf(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
