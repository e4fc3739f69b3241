// `npm test` (through bootstrap.mjs): every step runs, whatever failed before it, so that one
// run shows every failure; the exit code is non-zero if any step failed, and the closing line
// counts the tests of all of them.
import { spawn } from "node:child_process";

const STEPS = [
  {
    name: "lint, build, typecheck, tests and package checks (turbo)",
    command: [
      "pnpm",
      "exec",
      "turbo",
      "run",
      "lint",
      "build",
      "typecheck",
      "test",
      "check:package",
      // Tasks whose dependencies built go on after a failure elsewhere: a red package does
      // not hide another's failures. Two at a time: each test task already uses every core.
      "--continue=dependencies-successful",
      "--concurrency=2",
    ],
  },
  // After the turbo step, which builds every dist/ the tarballs are packed from.
  {
    name: "packages as users install them (tarballs, README examples)",
    command: ["pnpm", "run", "test:tarballs"],
  },
  { name: "core's build on the machine's own Node (20)", command: ["pnpm", "run", "test:node20"] },
  { name: "bundle size budgets", command: ["pnpm", "run", "bench:size"] },
];

/** Runs a command, passing its output through, and resolves with its exit code and output. */
function run(command) {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    const child = spawn(file, args, {
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    let output = "";
    const pass = (target) => (chunk) => {
      target.write(chunk);
      output += chunk.toString();
    };
    child.stdout.on("data", pass(process.stdout));
    child.stderr.on("data", pass(process.stderr));
    child.on("error", (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Test counts in a step's output: Vitest's "Tests" lines, and our scripts' "name: N passed, M failed". */
export function countTests(output) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // Without colour codes (ESC [ … m).
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
  for (const line of plain.split("\n")) {
    const vitest = /\bTests\s+(.+)\(\d+\)\s*$/.exec(line);
    if (vitest) {
      for (const [, n, kind] of (vitest[1] ?? "").matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
        const key = kind === "todo" ? "skipped" : kind;
        counts[key] += Number(n);
      }
      continue;
    }
    const ours = /^[\w@/.:-]+: (\d+) passed, (\d+) failed\s*$/.exec(line.trim());
    if (ours) {
      counts.passed += Number(ours[1]);
      counts.failed += Number(ours[2]);
    }
  }
  return counts;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
for (const step of STEPS) {
  console.log(`\n── ${step.name}: ${step.command.join(" ")}`);
  const { code, output } = await run(step.command);
  const counts = countTests(output);
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  if (code !== 0) failedSteps.push(step.name);
}

const passedSteps = STEPS.length - failedSteps.length;
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(
  `\ntest: ${totals.passed} passed, ${totals.failed} failed${skipped}; ` +
    `${passedSteps} of ${STEPS.length} steps green` +
    (failedSteps.length ? ` (red: ${failedSteps.join("; ")})` : ""),
);
process.exit(failedSteps.length ? 1 : 0);
