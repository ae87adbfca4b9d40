// Types of bundle-freshness.js (plain JS, as the bin runs it before the bundle or tsx).
/**
 * True when the bundle files `files` (relative to the package root `root`, a file: URL ending in `/`) exist
 * and no source file the bundle was built from changed since; false when CONFORMANCE_FROM_SOURCE=1.
 */
export declare function bundleIsFresh(root: URL, files: readonly string[]): boolean;
