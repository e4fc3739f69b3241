// Node only. A package bundled for a neutral platform, in memory, as the "runs anywhere" tests
// check it: neutral resolves no package fields (and no conditions but those named), and nothing
// is external, so an import of another package or of a `node:` module fails the build.
import { type BuildOptions, build } from "esbuild";

export interface NeutralBundle {
  code: string;
  /** The bundle's modules, as paths relative to the package. */
  inputs: string[];
  /** What the bundle still imports (nothing, when it runs anywhere). */
  imports: unknown[];
}

/**
 * `entry` of the package in `packageDir` bundled for a neutral platform (ES2022, ESM unless
 * `options` says otherwise). `options` adds to these: the format, conditions, minify, define.
 */
export async function bundleNeutral(
  packageDir: string,
  entry: string,
  options: BuildOptions = {},
): Promise<NeutralBundle> {
  const result = await build({
    absWorkingDir: packageDir,
    entryPoints: [entry],
    bundle: true,
    platform: "neutral",
    mainFields: [],
    conditions: [],
    external: [],
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    target: "es2022",
    ...options,
  });
  return {
    code: result.outputFiles?.[0]?.text ?? "",
    inputs: Object.keys(result.metafile?.inputs ?? {}),
    imports: Object.values(result.metafile?.outputs ?? {}).flatMap((output) => output.imports),
  };
}
