export { crc32 } from "./crc32";
export { encodeEventMessage, MAX_EVENT_HEADERS_BYTES, MAX_EVENT_PAYLOAD_BYTES } from "./encode";
export type { EventHeaders, EventHeaderValue, EventMessage } from "./types";
