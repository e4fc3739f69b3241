// The event-stream decoder alone: @smithy/eventstream-codec, with the chunker it needs.
import { getChunkedStream } from "@smithy/core/event-streams";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

const codec = new EventStreamCodec(toUtf8, fromUtf8);
export async function* decode(chunks) {
  for await (const frame of getChunkedStream(chunks)) yield codec.decode(frame);
}
