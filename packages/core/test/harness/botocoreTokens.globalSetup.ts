// Global setup (Node, before any project runs): the bearer tokens botocore makes for the
// fixed cases, given to the tests of every runtime through `inject("botocoreTokens")`, so that
// our generator is checked against an implementation we did not write wherever it runs.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { BEARER_TOKEN_CASES } from "./bearerTokenCases";

declare module "vitest" {
  interface ProvidedContext {
    /** botocore's token for each of BEARER_TOKEN_CASES, in order, and botocore's version. */
    botocoreTokens: { botocore: string; tokens: string[] };
  }
}

const SCRIPT = fileURLToPath(new URL("botocoreBearerToken.py", import.meta.url));

export default function setup(project: TestProject): void {
  let output: string;
  try {
    output = execFileSync("python3", [SCRIPT], {
      input: JSON.stringify(BEARER_TOKEN_CASES),
      encoding: "utf8",
    });
  } catch (cause) {
    throw new Error(
      "The bearer-token tests compare with botocore: install it (Debian: apt-get install python3-botocore).",
      { cause },
    );
  }
  project.provide("botocoreTokens", JSON.parse(output));
}
