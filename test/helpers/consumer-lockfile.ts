import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

interface Lock {
  readonly packages: Readonly<Record<string, LockEntry>>;
}

/** Where Node would find `name` when required from the package at `from` (a lockfile path). */
function locate(packages: Lock['packages'], from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (base === '') return undefined;
    const at = base.lastIndexOf('/node_modules/');
    base = at === -1 ? '' : base.slice(0, at);
  }
}

function closure(packages: Lock['packages'], start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = packages[path];
    for (const name of Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies })) {
      const found = locate(packages, path, name);
      if (found !== undefined) queue.push(found);
    }
  }
  return seen;
}

/**
 * A package-lock.json for a consumer project that depends on the packed tarball and on vitest, made from
 * this repository's lockfile: every version and integrity is one the npm cache already holds, so
 * `npm ci --offline` installs it without the registry.
 */
export async function consumerLockfile(repoLock: string, repoPackage: string, tarball: { readonly spec: string; readonly file: string }, consumerName: string): Promise<{ lock: string; pkg: string }> {
  const lock = JSON.parse(await readFile(repoLock, 'utf8')) as Lock;
  const pkg = JSON.parse(await readFile(repoPackage, 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; license?: string; engines?: unknown; bin?: unknown };
  const vitest = lock.packages['node_modules/vitest'];
  if (vitest?.version === undefined) throw new Error('vitest is not in the lockfile');
  const roots = Object.keys(pkg.dependencies).map((d) => `node_modules/${d}`);
  const prod = new Set(roots.flatMap((r) => [...closure(lock.packages, r)]));
  const dev = closure(lock.packages, 'node_modules/vitest');
  const integrity = `sha512-${createHash('sha512').update(await readFile(tarball.file)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: consumerName, version: '1.0.0', dependencies: { [pkg.name]: tarball.spec }, devDependencies: { vitest: vitest.version } },
    [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: tarball.spec, integrity, license: pkg.license, dependencies: pkg.dependencies, engines: pkg.engines, bin: pkg.bin },
  };
  for (const path of [...new Set([...prod, ...dev])].sort()) {
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = lock.packages[path] ?? {};
    packages[path] = prod.has(path) ? entry : { ...entry, dev: true };
  }
  const consumerPkg = { name: consumerName, version: '1.0.0', private: true, type: 'module', dependencies: { [pkg.name]: tarball.spec }, devDependencies: { vitest: vitest.version } };
  return { lock: `${JSON.stringify({ name: consumerName, version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`, pkg: JSON.stringify(consumerPkg, null, 2) };
}
