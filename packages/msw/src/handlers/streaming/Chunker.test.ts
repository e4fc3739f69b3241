import { describe, expect, it } from "vitest";
import { Chunker, type NetworkChunk } from "./Chunker";
import type { Chunking } from "./StreamSettings";

const A = Uint8Array.of(1, 2, 3);
const B = Uint8Array.of(4, 5, 6, 7, 8);

function cut(chunking: Chunking): NetworkChunk[] {
  const chunker = new Chunker(chunking);
  return [...chunker.push(A, "part"), ...chunker.push(B, "exception"), ...chunker.flush()];
}

const shape = (chunks: NetworkChunk[]) => chunks.map((c) => [[...c.bytes], c.completed]);

describe("Chunker", () => {
  it("whole: one chunk per message", () => {
    expect(shape(cut("whole"))).toEqual([
      [[1, 2, 3], ["part"]],
      [[4, 5, 6, 7, 8], ["exception"]],
    ]);
  });

  it("byte: one byte per chunk, a message completed by its last byte", () => {
    const chunks = cut("byte");
    expect(chunks.map((c) => c.bytes.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(chunks.map((c) => c.completed)).toEqual([
      [],
      [],
      ["part"],
      [],
      [],
      [],
      [],
      ["exception"],
    ]);
  });

  it("sizes: cycled, cut across messages, the rest at the end", () => {
    expect(shape(cut([2, 4]))).toEqual([
      [[1, 2], []],
      [[3, 4, 5, 6], ["part"]],
      [[7, 8], ["exception"]],
    ]);
    expect(shape(cut([16]))).toEqual([
      [
        [1, 2, 3, 4, 5, 6, 7, 8],
        ["part", "exception"],
      ],
    ]);
  });

  it("coalesce: everything in one chunk at the end", () => {
    const chunker = new Chunker("coalesce");
    expect([...chunker.push(A, "part")]).toEqual([]);
    expect(shape([...chunker.push(B, "part"), ...chunker.flush()])).toEqual([
      [
        [1, 2, 3, 4, 5, 6, 7, 8],
        ["part", "part"],
      ],
    ]);
  });

  it("does not count bytes that complete no message", () => {
    const chunker = new Chunker("whole");
    expect(shape([...chunker.push(A, "part"), ...chunker.push(B.subarray(0, 2))])).toEqual([
      [[1, 2, 3], ["part"]],
      [[4, 5], []],
    ]);
  });
});
