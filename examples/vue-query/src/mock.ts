import { demoEndpoints, type SageMakerMock, sageMakerHandlers } from "@sagefetch/msw";
import { setupWorker } from "msw/browser";

/** Starts the MSW SageMaker mock in the page (its service worker answers the client's fetch). */
export async function startDemoMock(): Promise<{ mock: SageMakerMock; stop(): void }> {
  const mock = sageMakerHandlers({ endpoints: demoEndpoints });
  const worker = setupWorker(...mock.handlers);
  await worker.start({ quiet: true, onUnhandledFrame: "bypass" });
  return { mock, stop: () => worker.stop() };
}
