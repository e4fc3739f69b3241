import type { SessionInfo } from "@sagefetch/core";

/**
 * A session id kept in `sessionStorage` (per tab, cleared with it), read and written only from
 * effects and handlers, never during a server render. Storage that throws (disabled, full,
 * sandboxed, Safari's private mode) is treated as empty.
 */
export const sessionStorageSlot = {
  read(key: string): SessionInfo | undefined {
    try {
      const { id, expiresAt } = JSON.parse(sessionStorage.getItem(key) as string);
      if (typeof id === "string")
        return { id, expiresAt: expiresAt ? new Date(expiresAt) : undefined };
    } catch {
      // Nothing kept, or not ours.
    }
    return undefined;
  },
  write(key: string, info: SessionInfo | undefined): void {
    try {
      if (info) sessionStorage.setItem(key, JSON.stringify(info));
      else sessionStorage.removeItem(key);
    } catch {
      // Nothing kept: the session still works, it just will not survive a reload.
    }
  },
};
