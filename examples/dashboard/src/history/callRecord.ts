/** What a call sent, enough to send it again. */
export interface InvokeRequest {
  endpointName: string;
  contentType: string;
  /** Text, or the bytes of an uploaded file. */
  body: string | Uint8Array;
  /** The uploaded file's name, for display. */
  fileName?: string;
  customAttributes?: string;
  /** A chat message (stream calls): what the user typed. */
  prompt?: string;
}

export interface CallRecord {
  id: number;
  /** `invoke`: InvokeEndpoint; `stream`: InvokeEndpointWithResponseStream (chat). */
  kind: "invoke" | "stream";
  request: InvokeRequest;
  /** Epoch ms at the start. */
  startedAt: number;
  durationMs: number;
  /** Streams: until the first token. */
  timeToFirstTokenMs?: number;
  /** `ok`, or the error's name (ModelError, ValidationError, …). */
  outcome: "ok" | "aborted" | string;
  sessionId?: string;
}
