// The public test vectors, imported in tests through the `@vectors` alias (vitest.config.ts).
// Each test states the shape it reads.
declare module "@vectors/*.json" {
  const value: unknown;
  export default value;
}

/** A vector file's bytes, as a `data:` URL with base64 (Vite's `?url&inline`). */
declare module "@vectors/*?url&inline" {
  const value: string;
  export default value;
}

/** A vector file's text (Vite's `?raw`). */
declare module "@vectors/*?raw" {
  const value: string;
  export default value;
}
