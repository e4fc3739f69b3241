import { afterAll, afterEach, beforeEach, describe, vi } from "vitest";
import { setSharedDeadlines } from "../deadlines";

/**
 * Describes the tests of `body` twice: deadlines on shared timers (as in browsers) and on a
 * timer each (as elsewhere), so that every runtime's project asks both ways the same.
 */
export function eachDeadlineWay(name: string, body: () => void): void {
  describe.each([
    ["shared timers", true],
    ["a timer each", false],
  ])(`${name} on %s`, (_way, shared) => {
    beforeEach(() => {
      setSharedDeadlines(shared);
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    afterAll(() => {
      setSharedDeadlines(undefined);
    });
    body();
  });
}
