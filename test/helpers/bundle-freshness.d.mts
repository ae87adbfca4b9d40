/** True when dist/cli/ holds a build of the current sources (see bundle-freshness.mjs). */
export function bundleIsFresh(): boolean;
