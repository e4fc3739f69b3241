import { realpathSync } from "node:fs";
import { createRequire, registerHooks } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

// The react18 project runs the same tests on React 18.3 (`react-18` and `react-dom-18` in
// package.json). An alias in Vite's config reaches only the files Vite transforms, and
// react-dom 18 is installed beside React 19 (pnpm links its peer to the workspace's react),
// so its own `require("react")` would load 19. Node's resolution hooks (run in the test
// worker, before any test imports React) send every importer of React 19 to React 18.
// (JavaScript: the package has no Node types to typecheck `node:module` with.)
const require = createRequire(import.meta.url);
const home = (name) =>
  `${pathToFileURL(dirname(realpathSync(require.resolve(`${name}/package.json`)))).href}/`;
const swaps = [
  [home("react"), home("react-18")],
  [home("react-dom"), home("react-dom-18")],
];

const installed = Symbol.for("sagefetch.react18-hooks");
if (!(installed in globalThis)) {
  Object.defineProperty(globalThis, installed, { value: true });
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      for (const [from, to] of swaps) {
        if (resolved.url.startsWith(from)) {
          return { ...resolved, url: to + resolved.url.slice(from.length) };
        }
      }
      return resolved;
    },
  });
}
