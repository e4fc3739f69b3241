import { concatBytes, utf8 } from "../internal/bytes";
import type { EventHeaders, EventHeaderValue } from "./types";

/** Wire type codes (format spec, "Headers Format"). */
const TYPE = {
  true: 0,
  false: 1,
  byte: 2,
  short: 3,
  integer: 4,
  long: 5,
  binary: 6,
  string: 7,
  timestamp: 8,
  uuid: 9,
} as const;

const MAX_VALUE_BYTES = 32_767;
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Header names and values as they go on the wire: name length u8, name, type u8, value. */
export function encodeHeaders(headers: EventHeaders): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    const nameBytes = utf8(name);
    if (nameBytes.length < 1 || nameBytes.length > 255) {
      throw new RangeError(`Event header name must be 1 to 255 bytes: "${name}"`);
    }
    const value: EventHeaderValue = typeof raw === "string" ? { type: "string", value: raw } : raw;
    const encoded = encodeValue(name, value);
    const part = new Uint8Array(1 + nameBytes.length + encoded.length);
    part[0] = nameBytes.length;
    part.set(nameBytes, 1);
    part.set(encoded, 1 + nameBytes.length);
    parts.push(part);
  }
  return concatBytes(parts);
}

function encodeValue(name: string, header: EventHeaderValue): Uint8Array {
  switch (header.type) {
    case "boolean":
      return Uint8Array.of(header.value ? TYPE.true : TYPE.false);
    case "byte":
      return fixed(TYPE.byte, 1, (view) => view.setInt8(1, checkInt(name, header.value, 8)));
    case "short":
      return fixed(TYPE.short, 2, (view) => view.setInt16(1, checkInt(name, header.value, 16)));
    case "integer":
      return fixed(TYPE.integer, 4, (view) => view.setInt32(1, checkInt(name, header.value, 32)));
    case "long":
      return fixed(TYPE.long, 8, (view) => view.setBigInt64(1, BigInt(header.value)));
    case "timestamp":
      return fixed(TYPE.timestamp, 8, (view) =>
        view.setBigInt64(1, BigInt(Math.trunc(Number(header.value)))),
      );
    case "binary":
      return prefixed(name, TYPE.binary, header.value);
    case "string":
      return prefixed(name, TYPE.string, utf8(header.value));
    case "uuid":
      return uuid(name, header.value);
  }
}

function fixed(type: number, size: number, write: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(1 + size);
  bytes[0] = type;
  write(new DataView(bytes.buffer));
  return bytes;
}

/** Byte arrays and strings: a u16 length, then the bytes. */
function prefixed(name: string, type: number, value: Uint8Array): Uint8Array {
  if (value.length > MAX_VALUE_BYTES) {
    throw new RangeError(`Event header "${name}" is over ${MAX_VALUE_BYTES} bytes`);
  }
  const bytes = new Uint8Array(3 + value.length);
  bytes[0] = type;
  new DataView(bytes.buffer).setUint16(1, value.length);
  bytes.set(value, 3);
  return bytes;
}

function uuid(name: string, value: Uint8Array | string): Uint8Array {
  let raw = value;
  if (typeof raw === "string") {
    if (!UUID_TEXT.test(raw)) throw new RangeError(`Event header "${name}" is not a UUID`);
    const hex = raw.replaceAll("-", "");
    raw = Uint8Array.from({ length: 16 }, (_, i) =>
      Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16),
    );
  }
  if (raw.length !== 16) throw new RangeError(`Event header "${name}" UUID must be 16 bytes`);
  const bytes = new Uint8Array(17);
  bytes[0] = TYPE.uuid;
  bytes.set(raw, 1);
  return bytes;
}

function checkInt(name: string, value: number, bits: number): number {
  const limit = 2 ** (bits - 1);
  if (!Number.isInteger(value) || value < -limit || value >= limit) {
    throw new RangeError(`Event header "${name}" must be a signed ${bits}-bit integer`);
  }
  return value;
}
