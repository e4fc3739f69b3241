// Test-only: bytes of the vector files, which Vite hands over as base64 `data:` URLs.

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  return fromBase64(url.slice(url.indexOf(",") + 1));
}
