// The source fallback's one correction to tsx. tsx's namespace marks every module that our namespaced
// TypeScript imports, packages included, with `?tsx-namespace=...`: msw would load a second time beside the
// consumer's, and vendorHandlers' handlers would not be instances of the msw their setupServer is. A package
// imported by one of our modules is resolved here as if its parent had no namespace (the consumer's instance,
// loaded by Node as usual); our own files (relative imports) keep the namespace and go through tsx. Nothing
// else in the process is touched: an import from a module without our namespace passes straight on.
import module from 'node:module';

/** The namespace the entries give tsx (see load-entry.js). */
export const NAMESPACE = 'invoice-update-conformance';

/**
 * The parent URL to resolve `specifier` from instead: the parent without our namespace when a module of ours
 * imports a package (a bare specifier, not `node:`), else undefined (resolve as asked).
 * @param {string} specifier
 * @param {string | undefined} parentURL
 * @returns {string | undefined}
 */
export function sharedParent(specifier, parentURL) {
  if (parentURL === undefined || /^(\.|\/|#|[a-z][a-z0-9+.-]*:)/i.test(specifier)) return undefined;
  let url;
  try {
    url = new URL(parentURL);
  } catch {
    return undefined;
  }
  if (url.searchParams.get('tsx-namespace') !== NAMESPACE) return undefined;
  url.searchParams.delete('tsx-namespace');
  return url.href;
}

/**
 * Install the correction; call it after tsx's `register()`, so that it runs before tsx's hooks. In-thread
 * (`module.registerHooks`, Node 22.15+) where Node has it, as in-thread hooks run before any off-thread
 * ones, else off-thread (`module.register`), after tsx's and so before them.
 */
export function sharePackages() {
  if (typeof module.registerHooks === 'function') {
    module.registerHooks({
      resolve(specifier, context, nextResolve) {
        const parentURL = sharedParent(specifier, context.parentURL);
        return parentURL === undefined ? nextResolve(specifier, context) : { ...nextResolve(specifier, { ...context, parentURL }), shortCircuit: true };
      },
    });
  } else {
    module.register('./shared-packages-hooks.js', import.meta.url);
  }
}
