import { readFile } from 'node:fs/promises';
/** What locating needs of a contract: its id and file (a loaded contract, or a report's contract summary). */
export interface LocatableContract {
  readonly contract: { readonly id: string };
  readonly file: string;
}

/** Most bytes read to locate cases; a larger contract simply gets no line numbers. */
const MAX_CONTRACT_BYTES = 4 * 1024 * 1024;

/**
 * Line of each case of each contract in its file (`cases[i]`), for CI annotations. Best effort: an
 * unreadable or unusual file gives no lines, never an error (the contract loaded already).
 */
export async function locateCases(contracts: readonly LocatableContract[]): Promise<(contractId: string, caseName: string) => number | undefined> {
  const lines = new Map<string, Map<string, number>>();
  await Promise.all(
    contracts.map(async (l) => {
      lines.set(l.contract.id, await caseLines(l.file));
    }),
  );
  return (contractId, caseName) => lines.get(contractId)?.get(caseName);
}

// `  - name: update-ok` (quoted or not) as the first key of a list item.
const CASE_ITEM = /^\s*-\s+name:\s*(?:"([^"]*)"|'([^']*)'|([^\s#]+))/;

/**
 * Lines of the case items below the top-level `cases:` key. A line scan, not a YAML parse: parsing
 * every contract again cost a third of a cold run, and the line of `- name:` is all an annotation needs.
 */
async function caseLines(file: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  try {
    const text = await readFile(file, 'utf8');
    if (text.length > MAX_CONTRACT_BYTES) return out;
    const lines = text.split('\n');
    const from = lines.findIndex((l) => /^cases:\s*(#.*)?$/.test(l));
    if (from < 0) return out;
    for (let i = from + 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (/^\S/.test(line) && !line.startsWith('#')) break;
      const m = CASE_ITEM.exec(line);
      const name = m?.[1] ?? m?.[2] ?? m?.[3];
      if (name !== undefined && !out.has(name)) out.set(name, i + 1);
    }
  } catch {
    // Best effort: see above.
  }
  return out;
}
