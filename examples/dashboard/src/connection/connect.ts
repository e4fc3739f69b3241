import { SageMakerRuntimeClient } from "@sagefetch/core";
import { DEMO_REGION, type Settings } from "../settings/settings";
import { inStep } from "./failedStep";

type DemoService = typeof import("../demo/demoService");
let demo: Promise<DemoService> | undefined;

/**
 * A client for the settings' mode. Demo: starts the mock's service worker (loaded on first
 * use) and signs with the demo key. AWS: stops the mock, and signs with Cognito Identity Pool
 * credentials (loaded on first use), sending through the relay; a failure of either step is
 * remembered as that step's (see failedStep), so the UI can say which one failed.
 */
export async function connect(settings: Settings): Promise<SageMakerRuntimeClient> {
  if (settings.mode === "demo") {
    demo ??= import("../demo/demoService");
    const service = await demo;
    await service.start();
    return new SageMakerRuntimeClient({ region: DEMO_REGION, credentials: service.credentials });
  }
  await stopDemo();
  const { fromCognitoIdentityPool } = await import("@sagefetch/core/cognito");
  const cognito = fromCognitoIdentityPool({
    identityPoolId: settings.identityPoolId,
    region: settings.region,
  });
  return new SageMakerRuntimeClient({
    region: settings.region,
    credentials: (options) => inStep("cognito", () => cognito(options)),
    relay: settings.relayUrl,
    // Every request of this client goes to the relay. `fetch` is looked up at each call.
    fetch: (input, init) => inStep("relay", () => fetch(input, init)),
  });
}

/** Stops the mock: this page's, or a worker left registered by an earlier visit. */
async function stopDemo(): Promise<void> {
  if (demo) return (await demo).stop();
  const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
  await Promise.all(
    registrations
      .filter((r) => r.active?.scriptURL.endsWith("/mockServiceWorker.js"))
      .map((r) => r.unregister()),
  );
}
