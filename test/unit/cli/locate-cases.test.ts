import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { locateCases } from '../../../src/cli/locate-cases.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { repoPath } from '../../helpers/paths.ts';

/** The line of every case item as the yaml library sees it: the oracle the line scan must agree with. */
async function parsedLines(file: string): Promise<Map<string, number>> {
  const counter = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter: counter });
  const out = new Map<string, number>();
  const cases = doc.get('cases', true);
  if (isSeq(cases)) for (const item of cases.items) if (isMap(item) && item.range) out.set(String(item.get('name')), counter.linePos(item.range[0]).line);
  return out;
}

describe('locateCases', () => {
  it('finds the line of every case of every shipped contract, as a YAML parse does', async () => {
    const contracts = await loadAllContracts([repoPath('contracts')]);
    const locate = await locateCases(contracts);
    let checked = 0;
    for (const { contract, file } of contracts) {
      const expected = await parsedLines(file);
      expect(expected.size).toBe(contract.cases.length);
      for (const [name, line] of expected) {
        expect(locate(contract.id, name), `${contract.id} ${name}`).toBe(line);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(locate('centra/invoices_Update', 'no-such-case')).toBeUndefined();
  });
});
