import { type AnswerContext, serviceHeaders } from "../internal/awsResponse";

/**
 * An error of the OpenAI-compatible route, in OpenAI's shape: `{"error": {"message", "type",
 * "code"}}`. The service's exact error bodies on this route are not documented (December 2026):
 * this is the shape OpenAI clients read (the `openai` client's `APIError.code`, the AI SDK's
 * `error.message`), not a copy of SageMaker's. Never quotes the token.
 */
export function openAiError(
  answer: AnswerContext,
  status: number,
  code: string,
  message: string,
): Response {
  const headers = serviceHeaders(answer);
  headers.set("content-type", "application/json");
  const type =
    status === 401
      ? "authentication_error"
      : status === 403
        ? "permission_error"
        : "invalid_request_error";
  return new Response(JSON.stringify({ error: { message, type, code } }), { status, headers });
}
