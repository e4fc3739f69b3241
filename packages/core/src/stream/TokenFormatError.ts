import { SagefetchClientError } from "../errors/SagefetchClientError";

/**
 * `readTokens` met a stream in no token format it knows (TGI/LMI `token.text`, OpenAI-style
 * `choices`, `generated_text`, `outputs`): its first line is not JSON, or it ended with no
 * event of those shapes. Read such a stream with `readTextChunks` or `readLines` instead.
 */
export class TokenFormatError extends SagefetchClientError {
  override readonly name = "TokenFormatError" as const;
}
