import type { Settings } from "../settings/settings";
import { ModeBadge } from "./ModeBadge";

interface Props {
  settings: Settings;
  onOpenSettings(): void;
}

export function Header({ settings, onOpenSettings }: Props) {
  return (
    <header className="header">
      <h1>
        sagefetch <span className="muted">inference console</span>
      </h1>
      <ModeBadge settings={settings} />
      <button type="button" className="settings-button" onClick={onOpenSettings}>
        Settings
      </button>
    </header>
  );
}
