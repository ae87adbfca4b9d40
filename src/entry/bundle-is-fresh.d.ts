// Types of bundle-is-fresh.js (plain JS, as it runs before the bundle or tsx).
/**
 * True when the bundle whose manifest is `manifestPath` (relative to `root`) exists in full and no source
 * file it lists, nor the lockfile, changed since the build; false also when CONFORMANCE_FROM_SOURCE=1.
 */
export declare function bundleIsFresh(root: URL, manifestPath: string, required?: readonly string[], env?: Readonly<Record<string, string | undefined>>): boolean;
