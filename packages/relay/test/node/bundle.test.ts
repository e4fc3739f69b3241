// Node only. The relay is meant to run anywhere with web APIs, to depend on nothing at run time,
// and to be small. This bundles it for a neutral platform (workspace packages resolve to their
// sources; only core's protocol tables may come in, as the build bundles them, so an import of
// the rest of @sagefetch/core or a `node:` module fails the check), measures it as the README
// states it, and runs the bundle in @edge-runtime/vm's EdgeVM, a context with web APIs only.
import { gzipSync } from "node:zlib";
import { EdgeVM } from "@edge-runtime/vm";
import { bundleNeutral } from "@sagefetch/testing/neutralBundle";
import { describe, expect, it } from "vitest";

const packageDir = new URL("../../", import.meta.url).pathname;

async function bundle(entry: string, format: "esm" | "iife" = "esm") {
  const { code, inputs } = await bundleNeutral(packageDir, entry, {
    format,
    globalName: format === "iife" ? "sagefetchRelay" : undefined,
    conditions: ["@sagefetch/source"],
    minify: true,
  });
  return { code, inputs, gzip: gzipSync(code).length };
}

describe("the forwarding relay's bundle", () => {
  it("is src/ alone, and small (README: 3.6 KiB gzip; the budget is 4 KiB)", async () => {
    const { inputs, gzip, code } = await bundle("src/index.ts");
    const foreign = inputs.filter(
      (file) => !file.startsWith("src/") && !file.startsWith("../core/src/protocol/"),
    );
    expect(foreign).toEqual([]);
    expect(inputs).not.toContain("src/signing/signWithOwnCredentials.ts");
    expect(code).not.toMatch(/AWS4-HMAC-SHA256 Credential=\$\{/); // no signer
    expect(gzip).toBeLessThan(4 * 1024);
  });

  it("runs in a context with web APIs only, and forwards a call", async () => {
    const { code } = await bundle("src/index.ts", "iife");
    const vm = new EdgeVM();
    vm.evaluate(code);
    const calls: string[] = [];
    vm.context.upstream = async (url: string) => {
      calls.push(url);
      return new vm.context.Response("{}", { headers: { "x-amzn-requestid": "r" } });
    };
    const status = await vm.evaluate(`(async () => {
      const relay = sagefetchRelay.createRelay({ fetch: upstream });
      const unsigned = await relay(new Request(
        "https://relay.example/runtime.sagemaker.us-east-1.amazonaws.com/endpoints/e/invocations",
        { method: "POST", body: "{}" }));
      const signed = await relay(new Request(
        "https://relay.example/runtime.sagemaker.us-east-1.amazonaws.com/endpoints/e/invocations",
        { method: "POST", body: "{}", headers: {
          "x-amz-date": "20261124T100000Z",
          authorization: "AWS4-HMAC-SHA256 Credential=AKID/20261124/us-east-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64),
        } }));
      return [unsigned.status, signed.status];
    })()`);
    expect(status).toEqual([403, 200]);
    expect(calls).toEqual([
      "https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/e/invocations",
    ]);
  });
});
