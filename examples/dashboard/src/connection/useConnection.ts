import { useEffect, useState } from "react";
import type { Settings } from "../settings/settings";
import { type Clients, connect } from "./connect";

export type Connection =
  | { status: "connecting" }
  | ({ status: "ready" } & Clients)
  | { status: "error"; error: Error };

/** Connects for the settings, again whenever they change. */
export function useConnection(settings: Settings): Connection {
  const [connection, setConnection] = useState<Connection>({ status: "connecting" });
  useEffect(() => {
    let current = true;
    setConnection({ status: "connecting" });
    connect(settings).then(
      (clients) => current && setConnection({ status: "ready", ...clients }),
      (error: unknown) =>
        current &&
        setConnection({
          status: "error",
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      current = false;
    };
  }, [settings]);
  return connection;
}
