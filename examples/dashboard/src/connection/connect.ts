import {
  createSageMaker,
  type SageMakerProvider,
  type SageMakerProviderSettings,
} from "@sagefetch/ai";
import { SageMakerRuntimeClient } from "@sagefetch/core";
import { DEMO_REGION, type Settings } from "../settings/settings";
import { inStep } from "./failedStep";

type DemoService = typeof import("../demo/demoService");
let demo: Promise<DemoService> | undefined;

/** What the workspace calls with: a client for Invoke, an AI SDK provider for Chat. */
export interface Clients {
  client: SageMakerRuntimeClient;
  sagemaker: SageMakerProvider;
}

/** Both made from one configuration, so that Invoke and Chat reach the endpoints alike. */
type ClientSettings = Pick<SageMakerProviderSettings, "region" | "credentials" | "relay" | "fetch">;

/**
 * A client and a provider for the settings' mode. Demo: starts the mock's service worker
 * (loaded on first use), which answers the default `fetch`, and signs with the demo key. AWS:
 * stops the mock, and signs with Cognito Identity Pool credentials (loaded on first use),
 * sending through the relay; a failure of either step is remembered as that step's (see
 * failedStep), so the UI can say which one failed.
 */
export async function connect(settings: Settings): Promise<Clients> {
  const config = await clientSettings(settings);
  return { client: new SageMakerRuntimeClient(config), sagemaker: createSageMaker(config) };
}

async function clientSettings(settings: Settings): Promise<ClientSettings> {
  if (settings.mode === "demo") {
    demo ??= import("../demo/demoService");
    const service = await demo;
    await service.start();
    return { region: DEMO_REGION, credentials: service.credentials };
  }
  await stopDemo();
  const { fromCognitoIdentityPool } = await import("@sagefetch/core/cognito");
  const cognito = fromCognitoIdentityPool({
    identityPoolId: settings.identityPoolId,
    region: settings.region,
  });
  return {
    region: settings.region,
    credentials: (options) => inStep("cognito", () => cognito(options)),
    relay: settings.relayUrl,
    // Every request goes to the relay. `fetch` is looked up at each call.
    fetch: (input, init) => inStep("relay", () => fetch(input, init)),
  };
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
