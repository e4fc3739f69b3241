// Cold import in Node: a fresh process imports the built package (ESM `import()`, resolved as
// Node resolves it for an app) and constructs a client; the process measures from just
// before the import to the constructed client. Runs alternate between the packages; the
// first run of each is discarded (it warms the file system cache, not V8: every run is a
// new process). "Node alone" is the same script without the import, for scale.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMain, rotated, runNode, summarize } from "./lib/stats.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, ".out", "cold-node");
const credentials = `{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }`;

const SCRIPTS = {
  sagefetch: `const { SageMakerRuntimeClient } = await import("@sagefetch/core");
new SageMakerRuntimeClient({ region: "us-east-1", credentials: ${credentials} });`,
  "@aws-sdk/client-sagemaker-runtime": `const { SageMakerRuntimeClient } = await import("@aws-sdk/client-sagemaker-runtime");
new SageMakerRuntimeClient({ region: "us-east-1", credentials: ${credentials} });`,
  aws4fetch: `const { AwsClient } = await import("aws4fetch");
new AwsClient({ ...${credentials}, service: "sagemaker", region: "us-east-1" });`,
  "Node alone (no import)": "",
};

function writeScripts() {
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(
    Object.entries(SCRIPTS).map(([name, body], i) => {
      const file = join(dir, `cold-${i}.mjs`);
      writeFileSync(
        file,
        `const start = performance.now();\n${body}\nconst ready = performance.now();\n` +
          "process.stdout.write(JSON.stringify({ ms: ready - start, sinceStart: ready }));\n",
      );
      return [name, file];
    }),
  );
}

export async function measureColdNode({ runs = 15 } = {}) {
  const files = writeScripts();
  for (const file of Object.values(files)) await runNode(file);
  const samples = Object.fromEntries(Object.keys(files).map((name) => [name, []]));
  const total = Object.fromEntries(Object.keys(files).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, file] of rotated(files, run)) {
      const { ms, sinceStart } = JSON.parse(await runNode(file));
      samples[name].push(ms);
      total[name].push(sinceStart);
    }
  }
  return Object.fromEntries(
    Object.keys(files).map((name) => [
      name,
      { ...summarize(samples[name]), sinceStart: summarize(total[name]) },
    ]),
  );
}

if (isMain(import.meta.url)) {
  for (const [name, r] of Object.entries(await measureColdNode())) {
    console.log(
      `${name}: import + construct ${r.median.toFixed(1)} ms (IQR ${r.p25.toFixed(1)}–${r.p75.toFixed(1)}), ready ${r.sinceStart.median.toFixed(1)} ms after process start`,
    );
  }
}
