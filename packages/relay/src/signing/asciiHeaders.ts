import type { Refusal } from "../refusal";

/**
 * A signed header value must be ASCII: the signature covers its UTF-8 bytes, but fetch sends
 * each character as one byte (latin1), so SageMaker Runtime would compute another signature.
 */
export function notAscii(headers: Record<string, string>): Refusal | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[\x20-\x7e\t]*$/.test(value)) {
      return {
        status: 400,
        code: "ValidationError",
        message: `The header ${name} holds a character that is not printable ASCII: the relay cannot sign it as it would be sent.`,
      };
    }
  }
  return undefined;
}
