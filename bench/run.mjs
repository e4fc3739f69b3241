// `pnpm bench`: every measurement side by side with its peers in one run, printed as a table
// and written into the root README between the bench markers.

import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { ENTRIES, measureSizes } from "./size.mjs";
import { measureStreaming } from "./streaming.mjs";
import { measureThroughput } from "./throughput.mjs";

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sizes = await measureSizes();
const speed = await measureThroughput();
const streaming = await measureStreaming();

const rows = [];
rows.push(
  "| Browser bundle (esbuild, minified; gzip of what the page loads at once) | gzip | minified | vs the AWS SDK |",
  "| --- | ---: | ---: | ---: |",
);
for (const { id, label } of ENTRIES) {
  const { gzip, minified, totalGzip } = sizes[id];
  // Streaming apps also load the AWS SDK's lazy event-stream chunks: counted there.
  const vs =
    id === "sagefetch-invoke"
      ? `${(sizes["aws-sdk-invoke"].gzip / gzip).toFixed(1)}× smaller`
      : id === "sagefetch-stream"
        ? `${(sizes["aws-sdk-stream"].totalGzip / totalGzip).toFixed(1)}× smaller (it loads ${kib(sizes["aws-sdk-stream"].totalGzip)} with its lazy chunks)`
        : id === "sagefetch-cognito"
          ? `adds ${kib(gzip - sizes["sagefetch-invoke"].gzip)} to the client (the AWS SDK's adds ${kib(sizes["aws-sdk-cognito"].totalGzip - sizes["aws-sdk-invoke"].totalGzip)})`
          : id === "sagefetch-cognito-alone"
            ? `${(sizes["aws-sdk-cognito-alone"].totalGzip / totalGzip).toFixed(1)}× smaller (it loads ${kib(sizes["aws-sdk-cognito-alone"].totalGzip)} with its lazy chunks)`
            : id === "sagefetch-decoder"
              ? `${(sizes["smithy-codec-decoder"].gzip / gzip).toFixed(1)}× smaller than smithy's codec`
              : "";
  rows.push(`| ${label} | ${kib(gzip)} | ${kib(minified)} | ${vs} |`);
}
rows.push(
  "",
  "| Client cost per invoke (fetch answers at once; median of rounds) | calls/s | spread (min–max) | vs the AWS SDK |",
  "| --- | ---: | ---: | ---: |",
);
const aws = speed["@aws-sdk/client-sagemaker-runtime"].median;
for (const [name, r] of Object.entries(speed)) {
  rows.push(
    `| ${name} | ${Math.round(r.median).toLocaleString("en")} | ${Math.round(r.min).toLocaleString("en")}–${Math.round(r.max).toLocaleString("en")} | ${(r.median / aws).toFixed(2)}× |`,
  );
}
rows.push(
  "",
  "| Stream decoding (16 MiB in 256-byte parts, 16 KiB network chunks; median) | MiB/s | spread | first part after | vs the AWS SDK |",
  "| --- | ---: | ---: | ---: | ---: |",
);
const awsStream = streaming["@aws-sdk/client-sagemaker-runtime"].mbps;
for (const [name, r] of Object.entries(streaming)) {
  rows.push(
    `| ${name} | ${r.mbps.toFixed(1)} | ${r.min.toFixed(1)}–${r.max.toFixed(1)} | ${r.ttfpMs.toFixed(2)} ms | ${(r.mbps / awsStream).toFixed(2)}× |`,
  );
}
const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
rows.push(
  "",
  `Measured with \`pnpm bench\` on ${machine}; ${Object.values(speed)[0].rounds} rounds per client, interleaved.`,
);
const table = rows.join("\n");
console.log(table);

const readme = new URL("../README.md", import.meta.url);
const text = readFileSync(readme, "utf8");
const start = "<!-- bench:start -->";
const end = "<!-- bench:end -->";
if (text.includes(start) && text.includes(end)) {
  writeFileSync(
    readme,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`,
  );
  console.log("\nREADME.md updated.");
}
