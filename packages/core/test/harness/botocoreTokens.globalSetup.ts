// Global setup (Node, before any project runs): the bearer tokens botocore makes for the
// fixed cases, given to the tests of every runtime through `inject("botocoreTokens")`, so that
// our generator is checked against an implementation we did not write wherever it runs.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { BEARER_TOKEN_CASES } from "./bearerTokenCases";

declare module "vitest" {
  interface ProvidedContext {
    /**
     * botocore's token for each of BEARER_TOKEN_CASES, in order, and botocore's version; or why
     * botocore could not be run (the comparison then fails, the other tests run).
     */
    botocoreTokens: { botocore: string; tokens: string[] } | { missing: string };
  }
}

const SCRIPT = fileURLToPath(new URL("botocoreBearerToken.py", import.meta.url));

export default function setup(project: TestProject): void {
  try {
    const output = execFileSync("python3", [SCRIPT], {
      input: JSON.stringify(BEARER_TOKEN_CASES),
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
    project.provide("botocoreTokens", JSON.parse(output));
  } catch (error) {
    project.provide("botocoreTokens", {
      missing: `The bearer-token tests compare with botocore, which did not run (${String(error).split("\n")[0]}): install it (Debian: apt-get install python3-botocore).`,
    });
  }
}
