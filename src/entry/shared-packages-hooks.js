// The off-thread form of shared-packages.js's resolve hook (module.register, Node 20 to 22.14).
import { sharedParent } from './shared-packages.js';

/**
 * A package imported by one of our tsx-namespaced modules resolves as from a parent without the namespace.
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context: object) => Promise<object>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  const parentURL = sharedParent(specifier, context.parentURL);
  if (parentURL === undefined) return nextResolve(specifier, context);
  return { ...(await nextResolve(specifier, { ...context, parentURL })), shortCircuit: true };
}
