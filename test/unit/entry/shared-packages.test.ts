import { describe, expect, it } from 'vitest';
import { NAMESPACE, sharedParent } from '../../../src/entry/shared-packages.js';

const OURS = `file:///app/node_modules/invoice-update-conformance/src/msw/vendor-handlers.ts?tsx-namespace=${NAMESPACE}`;

describe('sharedParent', () => {
  it('resolves a package imported by one of our tsx-namespaced modules from the same file without the namespace', () => {
    expect(sharedParent('msw', OURS)).toBe('file:///app/node_modules/invoice-update-conformance/src/msw/vendor-handlers.ts');
    expect(sharedParent('msw/node', OURS)).toBe('file:///app/node_modules/invoice-update-conformance/src/msw/vendor-handlers.ts');
    expect(sharedParent('@mswjs/interceptors/fetch', OURS)).toBe('file:///app/node_modules/invoice-update-conformance/src/msw/vendor-handlers.ts');
  });

  it("keeps the parent's other query parameters", () => {
    expect(sharedParent('yaml', `file:///p/src/a.ts?tsx-namespace=${NAMESPACE}&v=2`)).toBe('file:///p/src/a.ts?v=2');
  });

  it('leaves our own files (relative, absolute, file: URLs) to tsx, and built-ins and data: URLs alone', () => {
    for (const specifier of ['./format-violations.ts', '../index.ts', '/abs/x.ts', 'file:///abs/x.ts', 'node:fs', 'data:text/javascript,0', '#internal']) {
      expect(sharedParent(specifier, OURS), specifier).toBeUndefined();
    }
  });

  it("leaves every import of the consumer's own modules, or of another tsx namespace, as asked", () => {
    expect(sharedParent('msw', 'file:///app/test/vendors.test.js')).toBeUndefined();
    expect(sharedParent('msw', 'file:///app/src/x.ts?tsx-namespace=someone-else')).toBeUndefined();
    expect(sharedParent('msw', undefined)).toBeUndefined();
    expect(sharedParent('msw', 'not a url')).toBeUndefined();
  });
});
