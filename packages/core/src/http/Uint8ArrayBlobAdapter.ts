// One UTF-8 decoder for every answer: a decoder per call cost more than decoding a short
// answer. `decode` without `stream` keeps no state from one call to the next.
let utf8: TextDecoder | undefined;

/**
 * The output `Body`: the answer's bytes, with `transformToString()` as in the AWS SDK, so that
 * `out.Body.transformToString()` keeps working after changing the import.
 */
export class Uint8ArrayBlobAdapter extends Uint8Array {
  /** Wraps bytes without copying them. */
  static fromBytes(bytes: Uint8Array): Uint8ArrayBlobAdapter {
    return new Uint8ArrayBlobAdapter(
      bytes.buffer as ArrayBuffer,
      bytes.byteOffset,
      bytes.byteLength,
    );
  }

  /** Decodes the bytes: `"utf-8"` (default), any label `TextDecoder` knows, or `"base64"`. */
  transformToString(encoding = "utf-8"): string {
    if (encoding === "base64") return toBase64(this);
    if (encoding !== "utf-8" && encoding !== "utf8") return new TextDecoder(encoding).decode(this);
    utf8 ??= new TextDecoder();
    return utf8.decode(this);
  }

  /** The bytes as a plain `Uint8Array` (a view, not a copy). */
  transformToByteArray(): Uint8Array {
    return new Uint8Array(this.buffer, this.byteOffset, this.byteLength);
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunks keep String.fromCharCode under the engines' argument limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
