// The public test vectors, imported in tests through the `@vectors` alias (vitest.config.ts).
// Each test states the shape it reads.
declare module "@vectors/*.json" {
  const value: unknown;
  export default value;
}
