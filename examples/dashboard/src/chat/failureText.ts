import { errorDetails } from "../invoke/errorDetails";
import { rootError } from "./answerMetadata";

/**
 * What the chat shows of a failed answer: the step that failed in account mode (Cognito, relay,
 * endpoint) when known, then the typed error's name and message.
 */
export function failureText(error: unknown): string {
  const { step, name, message } = errorDetails(rootError(error));
  return `${step ? `${step.name} failed. ` : ""}${name}: ${message}`;
}
