/** True when dist/cli/ and dist/lib/ hold builds of the current sources by the current build scripts (see bundles-fresh.mjs). */
export function bundlesAreFresh(): boolean;
