import { toBase64 } from "./base64";

/** `length` characters drawn uniformly from `alphabet` (crypto.getRandomValues). */
export function randomChars(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** `byteLength` random bytes, as base64. */
export function randomBase64(byteLength: number): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export const UPPER_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const BASE64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
