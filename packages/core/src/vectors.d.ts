// The public test vectors, imported in tests through the `@vectors` alias (vitest.config.ts).
declare module "@vectors/*.json" {
  const value: any;
  export default value;
}
