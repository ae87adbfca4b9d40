import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs here and fixture paths are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** An absolute path inside the repository. */
export function repoPath(...segments: readonly string[]): string {
  return join(REPO_ROOT, ...segments);
}

/** The Centra contract every engine test runs against (it passes fully with its recordings). */
export const CENTRA_CONTRACT = repoPath('contracts/centra/invoices_Update.yaml');

/** The Centra recordings folder (the `--recordings` root, holding `centra/invoices_Update/*.har`). */
export const CENTRA_RECORDINGS = repoPath('recordings');

/** A recordings variant under `test/fixtures/recordings/` (see its README.md for the one change). */
export function recordingsVariant(name: string): string {
  return repoPath('test/fixtures/recordings', name);
}
