import {
  type InvokeEndpointWithResponseStreamCommandOutput,
  readTextChunks,
  readTokens,
} from "@sagefetch/core";
import type { PieceFormat } from "../streamTypes";

export type StreamOutput = Pick<
  InvokeEndpointWithResponseStreamCommandOutput,
  "Body" | "ContentType"
>;

// Matches JSON Lines types too (`application/jsonlines`, `application/jsonl`).
const TOKEN_TYPES = /event-stream|jsonl|ndjson/i;

/** The pieces of a stream, read as `format` says (see `PieceFormat`). */
export function readPieces(format: PieceFormat, output: StreamOutput): AsyncIterable<string> {
  if (typeof format === "function") return format(output.Body);
  const tokens =
    format === "tokens" || (format === "auto" && TOKEN_TYPES.test(output.ContentType ?? ""));
  return tokens ? readTokens(output.Body) : readTextChunks(output.Body);
}
