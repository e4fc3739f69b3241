import { addCors } from "./cors";

/** Why the relay did not forward a request, in the service's error shape. */
export interface Refusal {
  status: number;
  /** The error code, sent as `x-amzn-ErrorType` as SageMaker Runtime does. */
  code: string;
  /** Says what was refused and why. Never carries a header value, a body or a secret. */
  message: string;
}

/**
 * The relay's own refusal as an answer: JSON `{ "message": ... }` with `x-amzn-ErrorType`, so
 * that sagefetch and the AWS SDKs turn it into a typed error like any service error. With CORS
 * headers for `corsOrigin` (the page can read why), none for `null`.
 */
export function refusalResponse(refusal: Refusal, corsOrigin: string | null): Response {
  const headers = new Headers({
    "content-type": "application/json",
    "x-amzn-ErrorType": refusal.code,
    // The message may echo a host from the URL: never let it be sniffed as a page.
    "x-content-type-options": "nosniff",
  });
  return new Response(JSON.stringify({ message: refusal.message }), {
    status: refusal.status,
    headers: addCors(headers, corsOrigin),
  });
}
