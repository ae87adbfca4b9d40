/**
 * The credential-position rule of `npm run scan:secrets` (secretlint runs the generic rules):
 * every HAR under the given folders whose entries name a contract (`_contract`) must hold only
 * placeholders at that contract's secret credential positions. Prints each offending file and
 * place (never the value) and exits 1; exits 0 when all are clean, 2 on a usage error.
 *
 * Files listed in .secretlintignore (fixtures holding made-up secrets on purpose) are skipped.
 *
 *   node --import tsx scripts/scan-credential-positions.ts [--contracts DIR] DIR...
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAllContracts } from '../src/cli/load-contracts.ts';
import { readHar } from '../src/recording/read-har.ts';
import { unredactedCredentials } from '../src/recording/unredacted-credentials.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { contracts: { type: 'string', default: 'contracts' } } });
if (positionals.length === 0) {
  process.stderr.write('usage: scan-credential-positions.ts [--contracts DIR] DIR...\n');
  process.exit(2);
}
// The same made-up-secret fixtures secretlint skips: paths or folders relative to the working folder.
const ignored = (await readFile('.secretlintignore', 'utf8').catch(() => '')).split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
const isIgnored = (file: string): boolean => ignored.some((p) => relative('.', file) === p.replace(/\/$/, '') || relative('.', file).startsWith(p.endsWith('/') ? p : `${p}/`));
const contracts = new Map((await loadAllContracts([values.contracts])).map((l) => [l.contract.id, l.contract]));
const problems: string[] = [];
let scanned = 0;
for (const dir of positionals) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.har')).map((e) => join(e.parentPath, e.name));
  for (const file of files.sort().filter((f) => !isIgnored(f))) {
    const har = await readHar(file);
    if (!har.ok) continue; // unreadable fixtures are other tests' business; secretlint still scans their text
    scanned++;
    for (const [i, entry] of har.value.log.entries.entries()) {
      const contract = contracts.get(entry._contract);
      if (contract === undefined) continue;
      for (const place of unredactedCredentials(contract, entry)) problems.push(`${file}: entry ${i} (${entry._contract}, case ${entry._case}): ${place} holds a value that is not the redaction marker or a documented placeholder`);
    }
  }
}
for (const p of problems) process.stdout.write(`${p}\n`);
process.stdout.write(`credential positions: ${scanned} HAR file(s) scanned, ${problems.length} problem(s)\n`);
process.exit(problems.length === 0 ? 0 : 1);
