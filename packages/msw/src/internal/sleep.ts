/** Resolves after `ms` (setTimeout: the same in Node, browsers and workerd). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
