/** SageMaker Runtime's largest request payload (6 MiB); the service refuses more anyway. */
export const MAX_BODY_BYTES: number = 6 * 1024 * 1024;

/**
 * The request's body, read whole (at most `limit` bytes), or `"too-large"`. Request bodies are
 * read before forwarding so that the upstream request has a `Content-Length` like the one
 * signed in the browser; answers, which can be long streams, are never read (they are piped).
 */
export async function readBody(
  request: Request,
  limit: number = MAX_BODY_BYTES,
): Promise<Uint8Array | undefined | "too-large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return "too-large";
  if (request.body === null) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
