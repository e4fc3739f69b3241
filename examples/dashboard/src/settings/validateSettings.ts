import type { Settings } from "./settings";

export type SettingsErrors = Partial<Record<"region" | "identityPoolId" | "relayUrl", string>>;

/** What is wrong with the AWS fields, by field (demo mode needs none of them). */
export function validateSettings(settings: Settings): SettingsErrors {
  if (settings.mode === "demo") return {};
  const errors: SettingsErrors = {};
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(settings.region)) {
    errors.region = "A region such as us-east-1.";
  }
  if (!/^[\w-]+:[0-9a-f-]+$/.test(settings.identityPoolId)) {
    errors.identityPoolId = "An identity pool id such as us-east-1:1a2b3c4d-….";
  }
  let url: URL | undefined;
  try {
    url = new URL(settings.relayUrl);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    errors.relayUrl = "The relay's URL, such as https://relay.example.com.";
  }
  return errors;
}
