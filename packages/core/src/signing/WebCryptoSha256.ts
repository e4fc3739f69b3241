import type { Checksum, SourceData } from "@smithy/types";

const encoder = /* @__PURE__ */ new TextEncoder();

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return encoder.encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * SHA-256 and HMAC-SHA-256 for `@smithy/signature-v4`, on `crypto.subtle`.
 *
 * Why not `@aws-crypto/sha256-browser`: it does the same on `crypto.subtle` but bundles a
 * pure-JS SHA-256 and tslib for runtimes without it, about 3 KiB gzip — a quarter of our
 * invoke-only budget. Every runtime we support has `crypto.subtle` (browsers in secure
 * contexts, Node ≥ 20, workerd, Vercel Edge, Deno, Bun). For the one case without it, a page
 * served over plain http on a LAN address, the pure-JS implementation is loaded on demand.
 */
export class WebCryptoSha256 implements Checksum {
  private chunks: Uint8Array[] = [];
  private readonly secret: Uint8Array | undefined;

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBytes(secret);
  }

  update(data: Uint8Array): void {
    this.chunks.push(toBytes(data));
  }

  async digest(): Promise<Uint8Array> {
    const data = concat(this.chunks);
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) return fallbackDigest(this.secret, data);
    if (!this.secret) return new Uint8Array(await subtle.digest("SHA-256", data as BufferSource));
    const key = await subtle.importKey(
      "raw",
      this.secret as BufferSource,
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    return new Uint8Array(await subtle.sign("HMAC", key, data as BufferSource));
  }

  reset(): void {
    this.chunks = [];
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function fallbackDigest(secret: Uint8Array | undefined, data: Uint8Array): Promise<Uint8Array> {
  const { Sha256 } = await import("@aws-crypto/sha256-js");
  const hash = new Sha256(secret);
  hash.update(data);
  return hash.digest();
}
