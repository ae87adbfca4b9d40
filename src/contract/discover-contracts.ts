import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

const CONTRACT_FILE = /\.(ya?ml|json)$/;

/** Contract files under the given paths (files are taken as given; folders are searched recursively), sorted. */
export async function discoverContracts(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) found.push(...(await walk(path)));
    else found.push(path);
  }
  return [...new Set(found)].sort();
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && CONTRACT_FILE.test(e.name) && !e.name.endsWith('.schema.json'))
    .map((e) => relative(process.cwd(), join(e.parentPath, e.name)) || join(e.parentPath, e.name));
}
