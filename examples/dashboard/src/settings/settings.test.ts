import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  loadSettings,
  type Settings,
  STORAGE_KEY,
  saveSettings,
} from "./settings";
import { validateSettings } from "./validateSettings";

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

const aws: Settings = {
  mode: "aws",
  region: "eu-west-1",
  identityPoolId: "eu-west-1:11111111-2222-3333-4444-555555555555",
  relayUrl: "https://relay.example.com",
};

describe("settings", () => {
  it("start in demo mode, and read back what was saved", () => {
    const storage = memory();
    expect(loadSettings(storage)).toEqual(defaultSettings);
    saveSettings(aws, storage);
    expect(loadSettings(storage)).toEqual(aws);
  });

  it("fall back to the defaults for what cannot be read", () => {
    const storage = memory();
    storage.setItem(STORAGE_KEY, "{not json");
    expect(loadSettings(storage)).toEqual(defaultSettings);
    storage.setItem(STORAGE_KEY, '{"mode": "other", "region": 7}');
    expect(loadSettings(storage)).toEqual(defaultSettings);
  });

  it("need a region, an identity pool id and a relay URL in AWS mode only", () => {
    expect(validateSettings(aws)).toEqual({});
    expect(validateSettings({ ...defaultSettings, mode: "demo" })).toEqual({});
    const errors = validateSettings({
      mode: "aws",
      region: "Ireland",
      identityPoolId: "x",
      relayUrl: "ftp://x",
    });
    expect(Object.keys(errors).sort()).toEqual(["identityPoolId", "region", "relayUrl"]);
  });
});
