// Demo mode: the SageMaker Runtime mock of @sagefetch/msw, answering in a service worker.
// Imported lazily (connect.ts), so that AWS mode never loads MSW or the demo models.
import { demoCredentials, demoEndpoints, sageMakerHandlers } from "@sagefetch/msw";
import { setupWorker } from "msw/browser";

/** Pause between streamed parts: tokens arrive one by one, as from a real model. */
export const TOKEN_DELAY_MS = 70;

const mock = sageMakerHandlers({
  endpoints: demoEndpoints,
  stream: { delayMs: TOKEN_DELAY_MS },
});
const worker = setupWorker(...mock.handlers);
const DISABLED = 0;

export const credentials = demoCredentials;

// Starts and stops run one after the other (React may ask twice in a row).
let transition: Promise<void> = Promise.resolve();
const next = (step: () => Promise<void>) => {
  transition = transition.then(step, step);
  return transition;
};

/** Starts answering (registers the worker the first time). */
export function start(): Promise<void> {
  return next(async () => {
    if (worker.readyState !== DISABLED) return;
    await worker.start({ quiet: true, onUnhandledFrame: "bypass" });
  });
}

/** Stops answering: requests go to the network again. */
export function stop(): Promise<void> {
  return next(async () => {
    if (worker.readyState === DISABLED) return;
    await worker.stop();
  });
}
