// What bench/chromium.mjs runs in one page of Debian's Chromium: the same client cost, stream
// decoding and time-to-first-part measurements as in Node, bundled for the browser (the AWS
// SDK's browser build, sagefetch as a page gets it).
export { measureFirstPart } from "../first-part.mjs";
export { measureStreaming } from "../streaming.mjs";
export { measureThroughput } from "../throughput.mjs";

/** Whether performance.now() is precise here (5 µs when cross-origin isolated, else 100 µs). */
export async function isolated() {
  return globalThis.crossOriginIsolated === true;
}
