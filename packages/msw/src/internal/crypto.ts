import { toHex, utf8 } from "./bytes";

type Data = string | Uint8Array<ArrayBuffer>;

function asBytes(data: Data): Uint8Array<ArrayBuffer> {
  return typeof data === "string" ? utf8(data) : data;
}

/** SHA-256 of the data, as lowercase hex (crypto.subtle). */
export async function sha256Hex(data: Data): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", asBytes(data)));
}

/** HMAC-SHA256 of the data under the key (crypto.subtle). */
export async function hmacSha256(key: Data, data: Data): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    asBytes(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, asBytes(data)));
}
