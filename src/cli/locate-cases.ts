import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { LoadedContract } from '../types/contract.ts';

/** Most bytes read to locate cases; a larger contract simply gets no line numbers. */
const MAX_CONTRACT_BYTES = 4 * 1024 * 1024;

/**
 * Line of each case of each contract in its file (`cases[i]`), for CI annotations. Best effort: an
 * unreadable or unusual file gives no lines, never an error (the contract loaded already).
 */
export async function locateCases(contracts: readonly LoadedContract[]): Promise<(contractId: string, caseName: string) => number | undefined> {
  const lines = new Map<string, Map<string, number>>();
  await Promise.all(
    contracts.map(async (l) => {
      lines.set(l.contract.id, await caseLines(l.file));
    }),
  );
  return (contractId, caseName) => lines.get(contractId)?.get(caseName);
}

async function caseLines(file: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  try {
    const text = await readFile(file, 'utf8');
    if (text.length > MAX_CONTRACT_BYTES) return out;
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
    const cases = doc.get('cases', true);
    if (!isSeq(cases)) return out;
    for (const item of cases.items) {
      if (!isMap(item) || item.range === undefined || item.range === null) continue;
      const name = item.get('name');
      if (typeof name === 'string') out.set(name, counter.linePos(item.range[0]).line);
    }
  } catch {
    // Best effort: see above.
  }
  return out;
}
