import { SageMakerProvider } from "@sagefetch/react";
import type { QueryClient } from "@tanstack/react-query";
import type { Connection } from "./connection/useConnection";
import type { Settings } from "./settings/settings";
import { Workspace } from "./Workspace";

interface Props {
  connection: Connection;
  settings: Settings;
  queryClient: QueryClient;
}

/** The workspace on the connection's client, or what the connection is doing. */
export function Connected({ connection, settings, queryClient }: Props) {
  if (connection.status === "connecting") {
    return (
      <main className="notice" aria-busy="true">
        <p role="status">
          {settings.mode === "demo" ? "Starting the demo endpoints…" : "Connecting…"}
        </p>
      </main>
    );
  }
  if (connection.status === "error") {
    return (
      <main className="notice">
        <p role="alert">Could not start: {connection.error.message}</p>
      </main>
    );
  }
  return (
    <SageMakerProvider client={connection.client} queryClient={queryClient}>
      <Workspace mode={settings.mode} sagemaker={connection.sagemaker} />
    </SageMakerProvider>
  );
}
