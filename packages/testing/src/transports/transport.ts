/** How the tests reach the mock in one runtime. */
export interface Transport {
  /** A fetch for the client, where the runtime has nothing MSW can intercept. */
  fetch: typeof fetch | undefined;
  runtime: string;
  stop(): void;
}
