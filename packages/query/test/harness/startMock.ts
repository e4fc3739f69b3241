import { demoEndpoints, type EndpointDefinition } from "@sagefetch/msw";
import { type MockService, startMock } from "@sagefetch/testing/startMock";

export type { MockService };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tgiEvent = (text: string) =>
  `data: ${JSON.stringify({ token: { id: 1, text, special: false }, generated_text: null })}\n\n`;

/** The product's demo endpoints (`sentiment`, `chat`, `slow`, ...), and one that takes its time. */
const endpoints: Record<string, EndpointDefinition> = {
  ...demoEndpoints,
  // 100 TGI tokens, one every 20 ms: a stream still running when a test cancels it.
  drip: () => ({
    contentType: "text/event-stream",
    stream: (async function* () {
      for (let i = 0; i < 100; i++) {
        yield tgiEvent(`t${i} `);
        await sleep(20);
      }
    })(),
  }),
};

/** The MSW SageMaker mock in Node, with those endpoints. */
export const startDemoMock = (): Promise<MockService> => startMock({ endpoints });

/** Settles a promise that may reject, for assertions on the error. */
export const settle = <T>(promise: Promise<T>): Promise<T | Error> =>
  promise.catch((error: Error) => error);
