// Two hex digits per byte value, made on first use: a lookup per byte is several times
// faster than formatting each one (four hex strings per signed request).
let HEX: string[] | undefined;

/** Lowercase hex of `bytes`, as SigV4 writes hashes and signatures. */
export function hex(bytes: Uint8Array): string {
  HEX ??= Array.from({ length: 256 }, (_, b) => (b + 256).toString(16).slice(1));
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number];
  return out;
}
