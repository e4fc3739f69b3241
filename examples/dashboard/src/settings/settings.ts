/** Where the dashboard sends its calls: the mock in a service worker, or an AWS account. */
export type Mode = "demo" | "aws";

export interface Settings {
  mode: Mode;
  /** AWS mode: the region of the endpoints and of the identity pool. */
  region: string;
  /** AWS mode: a Cognito Identity Pool whose guest (or signed-in) role may invoke. */
  identityPoolId: string;
  /** AWS mode: the URL of a `@sagefetch/relay`, which adds CORS to SageMaker's answers. */
  relayUrl: string;
}

export const DEMO_REGION = "us-east-1";
export const STORAGE_KEY = "sagefetch.dashboard.settings";

export const defaultSettings: Settings = {
  mode: "demo",
  region: DEMO_REGION,
  identityPoolId: "",
  relayUrl: "",
};

const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);

/** The saved settings, or the defaults (demo mode) when there are none or they are unreadable. */
export function loadSettings(storage: Pick<Storage, "getItem"> = localStorage): Settings {
  let saved: Record<string, unknown>;
  try {
    saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? "{}") as Record<string, unknown>;
  } catch {
    return defaultSettings;
  }
  if (saved === null || typeof saved !== "object") return defaultSettings;
  return {
    mode: saved.mode === "aws" ? "aws" : "demo",
    region: text(saved.region, defaultSettings.region),
    identityPoolId: text(saved.identityPoolId, ""),
    relayUrl: text(saved.relayUrl, ""),
  };
}

export function saveSettings(
  settings: Settings,
  storage: Pick<Storage, "setItem"> = localStorage,
): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(settings));
}
