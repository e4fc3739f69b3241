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
     * botocore could not be run: the comparison then fails in CI (`CI` set), and is skipped
     * elsewhere, with one line saying how to install it; the other tests run either way.
     */
    botocoreTokens: { botocore: string; tokens: string[] } | { missing: string; skip: boolean };
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
    const missing = `The bearer-token tests compare with botocore, which did not run (${String(error).split("\n")[0]}): install it (Debian: apt-get install python3-botocore).`;
    const ci = process.env.CI;
    const skip = !ci || ci === "false" || ci === "0";
    if (skip) console.warn(`[core] botocore comparison skipped: ${missing}`);
    project.provide("botocoreTokens", { missing, skip });
  }
}
