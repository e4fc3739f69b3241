import { useEffect, useState } from "react";

/** An object URL for the bytes, revoked when they change or the component goes. */
export function useObjectUrl(bytes: Uint8Array | undefined, type: string | undefined) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!bytes) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes, type]);
  return url;
}
