/**
 * The project's environment variables (Vercel: Settings → Environment Variables, or
 * `vercel env add`). Edge Functions see them as `process.env`, the one part of `process` the
 * Edge runtime has; read per request, and nothing else of Node is used.
 */
export interface Env {
  /** The function's own key, used by `/api/chat` only (the relay holds no secret). */
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  /** For temporary credentials. */
  AWS_SESSION_TOKEN?: string;
  /**
   * The endpoint's region. Vercel presets `AWS_REGION` to the region a function runs in, which
   * need not be the endpoint's: set `SAGEMAKER_REGION` (or `AWS_REGION` yourself).
   */
  SAGEMAKER_REGION?: string;
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
  /** Comma-separated origins allowed to call from a browser (`*`: any). */
  ALLOWED_ORIGINS?: string;
  /** Comma-separated endpoint names the relay forwards to (empty: any). */
  RELAY_ENDPOINTS?: string;
  /** Comma-separated origins besides AWS's the relay forwards to: the emulator, in development. */
  RELAY_EXTRA_UPSTREAMS?: string;
}

export function readEnv(): Env {
  const { process } = globalThis as { process?: { env?: Env } };
  return process?.env ?? {};
}

/** The comma-separated list in a variable, trimmed, empty entries dropped. */
export function listOf(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
