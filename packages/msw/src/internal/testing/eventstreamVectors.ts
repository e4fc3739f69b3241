// Test-only: smithy's event-stream vectors (packages/testing/vectors/eventstream), as
// { headers, payload } to encode and the bytes they must encode to.
import allHeaders from "@vectors/eventstream/decoded/positive/all_headers?raw";
import emptyMessage from "@vectors/eventstream/decoded/positive/empty_message?raw";
import int32Header from "@vectors/eventstream/decoded/positive/int32_header?raw";
import payloadNoHeaders from "@vectors/eventstream/decoded/positive/payload_no_headers?raw";
import payloadOneStrHeader from "@vectors/eventstream/decoded/positive/payload_one_str_header?raw";
import allHeadersBytes from "@vectors/eventstream/encoded/positive/all_headers?url&inline";
import emptyMessageBytes from "@vectors/eventstream/encoded/positive/empty_message?url&inline";
import int32HeaderBytes from "@vectors/eventstream/encoded/positive/int32_header?url&inline";
import payloadNoHeadersBytes from "@vectors/eventstream/encoded/positive/payload_no_headers?url&inline";
import payloadOneStrHeaderBytes from "@vectors/eventstream/encoded/positive/payload_one_str_header?url&inline";
import type { EventHeaderValue, EventMessage } from "../../eventstream/types";
import { fromUtf8 } from "../bytes";
import { dataUrlBytes, fromBase64 } from "./vectorBytes";

/** A decoded vector: `{ name, type (wire code), value }` headers; base64 for bytes and strings. */
interface DecodedVector {
  total_length: number;
  headers: { name: string; type: number; value: unknown }[];
  payload: string;
}

export interface PositiveVector {
  name: string;
  message: EventMessage;
  bytes: Uint8Array;
  totalLength: number;
}

/** A header from its wire type code; `base64` says strings and bytes are given in base64. */
export function headerFromWire(type: number, value: unknown, base64: boolean): EventHeaderValue {
  const bytes = (v: unknown) =>
    base64 ? fromBase64(String(v)) : fromBase64((v as { blob_b64: string }).blob_b64);
  switch (type) {
    case 0:
    case 1:
      return { type: "boolean", value: type === 0 };
    case 2:
      return { type: "byte", value: Number(value) };
    case 3:
      return { type: "short", value: Number(value) };
    case 4:
      return { type: "integer", value: Number(value) };
    case 5:
      return { type: "long", value: BigInt(value as number) };
    case 6:
      return { type: "binary", value: bytes(value) };
    case 7:
      return {
        type: "string",
        value: base64 ? fromUtf8(fromBase64(String(value))) : String(value),
      };
    case 8:
      return { type: "timestamp", value: Number(value) };
    default:
      return { type: "uuid", value: bytes(value) };
  }
}

function positive(name: string, decoded: string, url: string): PositiveVector {
  const vector = JSON.parse(decoded) as DecodedVector;
  const headers: Record<string, EventHeaderValue> = {};
  for (const h of vector.headers) headers[h.name] = headerFromWire(h.type, h.value, true);
  return {
    name,
    message: { headers, payload: fromBase64(vector.payload) },
    bytes: dataUrlBytes(url),
    totalLength: vector.total_length,
  };
}

export const positiveVectors: PositiveVector[] = [
  positive("all_headers", allHeaders, allHeadersBytes),
  positive("empty_message", emptyMessage, emptyMessageBytes),
  positive("int32_header", int32Header, int32HeaderBytes),
  positive("payload_no_headers", payloadNoHeaders, payloadNoHeadersBytes),
  positive("payload_one_str_header", payloadOneStrHeader, payloadOneStrHeaderBytes),
];
