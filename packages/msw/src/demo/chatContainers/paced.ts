import { sleep } from "../../internal/sleep";

/** The chunks, one every `paceMs` (the first at once), as a container streams tokens. */
export async function* paced<T>(chunks: readonly T[], paceMs: number): AsyncGenerator<T> {
  for (let i = 0; i < chunks.length; i++) {
    if (i > 0 && paceMs > 0) await sleep(paceMs);
    yield chunks[i] as T;
  }
}
