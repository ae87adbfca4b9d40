import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'invoice-update-conformance';

/**
 * The folder of this package (where package.json, contracts/ and recordings/ ship), found by walking up from
 * this module. Works from the TypeScript sources and from the prebuilt bundle in dist/, whose depth differs.
 */
export function findPackageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json of ${PACKAGE_NAME} not found above ${from}`);
  }
}

/** The package root, resolved once. */
export const PACKAGE_ROOT = findPackageRoot();
