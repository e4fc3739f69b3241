import { useCallback, useState } from "react";
import { loadSettings, type Settings, saveSettings } from "./settings";

/** The settings, read once from localStorage; saving writes them back. */
export function useSettings(): [Settings, (settings: Settings) => void] {
  const [settings, setSettings] = useState(loadSettings);
  const save = useCallback((next: Settings) => {
    saveSettings(next);
    setSettings(next);
  }, []);
  return [settings, save];
}
