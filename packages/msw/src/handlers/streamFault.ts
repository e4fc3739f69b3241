/** The body fails after `afterParts` messages, as a dropped connection does. */
export interface CutStreamFault {
  type: "cut";
  afterParts: number;
}

/** One byte of message `partIndex` (from 0) is flipped, so its prelude or message CRC fails. */
export interface CorruptStreamFault {
  type: "corrupt";
  partIndex: number;
  where: "prelude" | "message";
}

/** After `afterParts` whole messages, the body ends cleanly in the middle of the next one. */
export interface TruncateStreamFault {
  type: "truncate";
  afterParts: number;
}

/** A fault in a streamed answer's body, after its 200 and headers went out. */
export type StreamFault = CutStreamFault | CorruptStreamFault | TruncateStreamFault;
