import type { ReceivedRequest } from "@sagefetch/msw";

export interface RequestLogLimits {
  /** Requests kept, the oldest dropped first. */
  maxEntries: number;
  /** Bytes of each body kept: the first ones (a 48 MiB upload is logged as its first 64 KiB). */
  maxBodyBytes: number;
  /** Bytes of all kept bodies together; the oldest requests go first. */
  maxTotalBytes: number;
}

/**
 * Keeps the SageMaker mock's request log (`mock.requests`) within bounds, so that an emulator
 * that runs for days, or receives large bodies, holds a bounded amount of memory. Call the
 * returned function after each request: it cuts the bodies of the requests logged since, then
 * drops the oldest requests until both the count and the bytes are within the limits.
 */
export function requestLogBounds(limits: RequestLogLimits): (requests: ReceivedRequest[]) => void {
  // Bytes each counted request holds; requests not in it arrived since the last call.
  const sizes = new WeakMap<ReceivedRequest, number>();
  let total = 0;
  return (requests) => {
    let firstNew = requests.length;
    while (firstNew > 0 && !sizes.has(requests[firstNew - 1] as ReceivedRequest)) firstNew--;
    // None of the counted ones left: the log was emptied (`mock.reset()`), count from zero.
    if (firstNew === 0) total = 0;
    for (let i = firstNew; i < requests.length; i++) {
      const request = requests[i] as ReceivedRequest;
      // A copy of the slice, so that the whole body's buffer can be freed.
      if (request.body.byteLength > limits.maxBodyBytes) {
        request.body = request.body.slice(0, limits.maxBodyBytes);
      }
      sizes.set(request, request.body.byteLength);
      total += request.body.byteLength;
    }
    let drop = Math.max(0, requests.length - limits.maxEntries);
    for (let i = 0; i < drop; i++) total -= sizes.get(requests[i] as ReceivedRequest) ?? 0;
    while (drop < requests.length && total > limits.maxTotalBytes) {
      total -= sizes.get(requests[drop] as ReceivedRequest) ?? 0;
      drop++;
    }
    if (drop > 0) requests.splice(0, drop);
  };
}
