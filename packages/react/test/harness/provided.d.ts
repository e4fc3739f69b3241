declare module "vitest" {
  interface ProvidedContext {
    /** The React major version the project runs the tests on. */
    react: "18" | "19";
  }
}

export {};
