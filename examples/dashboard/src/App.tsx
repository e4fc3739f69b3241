import { QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Connected } from "./Connected";
import { useConnection } from "./connection/useConnection";
import { CallLogProvider } from "./history/CallLogContext";
import { SettingsDialog } from "./settings/SettingsDialog";
import { useSettings } from "./settings/useSettings";
import { Header } from "./ui/Header";

/** The console: a header with the mode, the settings, and the workspace once connected. */
export function App() {
  const [settings, saveSettings] = useSettings();
  const connection = useConnection(settings);
  const [queryClient] = useState(() => new QueryClient());
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <CallLogProvider>
      <Header settings={settings} onOpenSettings={() => setSettingsOpen(true)} />
      <SettingsDialog
        open={settingsOpen}
        settings={settings}
        onSave={(next) => {
          saveSettings(next);
          setSettingsOpen(false);
        }}
        onClose={() => setSettingsOpen(false)}
      />
      <Connected connection={connection} settings={settings} queryClient={queryClient} />
    </CallLogProvider>
  );
}
