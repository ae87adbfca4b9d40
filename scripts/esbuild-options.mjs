// The esbuild options both builds share (build-bundle.mjs: dist/cli; build-library.mjs: dist/lib): Node 20,
// bundled, a metafile for the manifest (bundle-manifest.mjs), warnings only, no legal comments.
const NODE = { bundle: true, platform: 'node', target: 'node20', metafile: true, logLevel: 'warning', legalComments: 'none' };

/** An ES module bundle. CommonJS dependencies inside it need a `require` for Node's built-ins, and some (write-file-atomic) `__filename`. */
export const ESM = {
  ...NODE,
  format: 'esm',
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; import { fileURLToPath as __bundlePath } from 'node:url'; const require = __bundleRequire(import.meta.url); const __filename = __bundlePath(import.meta.url);",
  },
};

/**
 * A CommonJS bundle whose sources' `import.meta.url` (createRequire, the package root) is the file's URL (pass
 * `define: { ...CJS.define, ... }` to add to it). Strict mode first, as ES modules always are (esbuild's own
 * "use strict" comes after the banner, where it is no directive).
 */
export const CJS = {
  ...NODE,
  format: 'cjs',
  banner: { js: "'use strict'; const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl' },
};

/** An ES module bundle of our own code only, which needs neither banner. */
export const PLAIN_ESM = { ...NODE, format: 'esm' };
