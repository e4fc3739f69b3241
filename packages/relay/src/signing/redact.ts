/** What the relay puts where one of its own secrets was. */
export const REDACTED = "[redacted by the relay]";
/** An error answer is read whole to be redacted; past this many bytes, the rest is dropped. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/**
 * The forms a secret can take in an answer: as it is, JSON-escaped (`\/`), and URL-encoded
 * (a session token's `/`, `+` and `=`). Too short a value is left out: it would match
 * anywhere and say nothing of the secret.
 */
export function secretForms(values: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const value of values) {
    if (value === undefined || value.length < 8) continue;
    forms.add(value);
    forms.add(value.replaceAll("/", "\\/"));
    forms.add(encodeURIComponent(value));
  }
  // Longest first: a secret that holds another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, REDACTED);
  return out;
}

/**
 * The upstream's answer without the relay's own credentials in it: every header, and the body
 * of an error (an `InvalidSignatureException` quotes the canonical request, session token
 * included). A successful answer's body is the model's, which never sees the relay's
 * credentials: it is piped as it comes, never read here.
 */
export async function redactAnswer(
  response: Response,
  secrets: readonly string[],
): Promise<Response> {
  if (secrets.length === 0) return response;
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, redactText(value, secrets));
  let body: BodyInit | null = response.body;
  if (response.status >= 300 && response.body !== null) {
    body = redactText(await readText(response.body), secrets);
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ERROR_BODY_BYTES) {
      await reader.cancel();
      break;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
