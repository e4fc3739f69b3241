let table: Uint32Array | undefined;

/** The CRC-32 lookup table (IEEE 802.3, reflected polynomial 0xEDB88320), built on first use. */
function crcTable(): Uint32Array {
  if (table !== undefined) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * CRC-32 (as in zlib, PNG and the AWS event-stream format) of `bytes`, as an unsigned 32-bit
 * integer. Pass a previous result as `crc` to continue a checksum over several buffers.
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = crcTable();
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  }
  return ~c >>> 0;
}
