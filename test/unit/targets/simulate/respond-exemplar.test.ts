import { describe, expect, it } from 'vitest';
import { indexExemplars, type Exemplar } from '../../../../src/targets/simulate/exemplars.ts';
import { respond } from '../../../../src/targets/simulate/respond.ts';
import { loadReplayEntries } from '../../../../src/targets/load-replay-entries.ts';
import { createRecordingCache } from '../../../../src/recording/recording-cache.ts';
import { loadValidContract } from '../../../helpers/prepare-contract.ts';
import { repoPath } from '../../../helpers/paths.ts';

describe('the simulator answers a request with the recorded case whose request it is', () => {
  it('gives each of InvoiceXpress\'s recorded 404 bodies to its own request, and the first to any other', async () => {
    const loaded = await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'));
    const { contract } = loaded;
    const entries = await loadReplayEntries([loaded], repoPath('recordings'), createRecordingCache());
    const exemplars = indexExemplars(contract, entries.map((e) => e.entry));
    const html = exemplars.byCase.get('not-found-html') as Exemplar;
    const notFound = [...exemplars.byResponse].find(([, list]) => list.includes(html));
    expect(notFound).toBeDefined();
    const [name, list] = notFound as [string, readonly Exemplar[]];
    expect(new Set(list.map((e) => e.response.body)).size).toBeGreaterThan(1);
    // Asked out of case order, so a lookup that only remembered the first keyed exemplar would show.
    for (const e of [...list].reverse()) expect(respond(contract, exemplars, { response: name }, e.request).response.body).toBe(e.response.body);
    const other = { ...html.request, url: html.request.url.replace(/\d+(?=\.json|\.xml|$)/, '999999999') };
    expect(respond(contract, exemplars, { response: name }, other).response.body).toBe((list[0] as Exemplar).response.body);
  });
});
