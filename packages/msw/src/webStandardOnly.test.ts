/// <reference types="node" />
// @sagefetch/msw runs in browsers, workers and Node alike: its shipped sources (everything under
// src but tests and test helpers) import nothing from Node. The emulator, which needs node:http,
// is @sagefetch/emulator.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL(".", import.meta.url));
const NODE_BUILTINS = new Set(builtinModules);

function shippedSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : shippedSources(path);
    const shipped = /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$|\.d\.ts$/.test(entry.name);
    return shipped ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports, dynamically imports or requires. */
function specifiers(code: string): string[] {
  const forms = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return forms.flatMap((form) => [...code.matchAll(form)].map((match) => match[1] ?? ""));
}

/** What in a file needs Node: a Node module, Node's types, or Node's own globals. */
function nodeUses(code: string): string[] {
  const uses = specifiers(code).filter(
    (name) => name.startsWith("node:") || NODE_BUILTINS.has(name.split("/")[0] ?? name),
  );
  if (/\/\/\/\s*<reference\s+types=["']node["']/.test(code)) uses.push('types="node"');
  const code_ = code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  for (const global of ["process", "Buffer", "__dirname", "__filename", "setImmediate"]) {
    if (new RegExp(`(?<![\\w.$])${global}\\b`).test(code_)) uses.push(global);
  }
  return uses;
}

describe("@sagefetch/msw's shipped sources", () => {
  const files = shippedSources(src);

  it("are found (the scan looks where the sources are)", () => {
    expect(files.map((file) => relative(src, file))).toEqual(
      expect.arrayContaining([
        "index.ts",
        join("sigv4", "verify.ts"),
        join("eventstream", "encode.ts"),
      ]),
    );
  });

  it("import nothing from Node and use none of its globals", () => {
    const found = files
      .map((file) => ({ file: relative(src, file), uses: nodeUses(readFileSync(file, "utf8")) }))
      .filter(({ uses }) => uses.length > 0);
    expect(found).toEqual([]);
  });

  it("the scan sees each way of reaching Node", () => {
    expect(nodeUses('import { createServer } from "node:http";')).toEqual(["node:http"]);
    expect(nodeUses('export { x } from "fs/promises";')).toEqual(["fs/promises"]);
    expect(nodeUses('const m = await import("node:util");')).toEqual(["node:util"]);
    expect(nodeUses('/// <reference types="node" />')).toEqual(['types="node"']);
    expect(nodeUses("const a = process.env.X; Buffer.from('')")).toEqual(["process", "Buffer"]);
    expect(nodeUses('import { http } from "msw"; // process.exit is not used')).toEqual([]);
  });
});
