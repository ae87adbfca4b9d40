import { violation, type Violation } from '../../src/model/violation.ts';
import { REDACTED } from '../../src/recording/har.ts';
import { describePlace, secretPlaces, type SecretPlace } from '../../src/recording/secret-paths.ts';
import { resolvePath } from '../../src/mapping/resolve-path.ts';
import { contractCheck, type CaseContext } from '../check.ts';

/** Recordings hold the redaction marker wherever a secret credential travels. */
export const recordingsRedacted = contractCheck({
  id: 'contract.recordings-redacted',
  title: 'Recordings carry no secret: every secret credential position is redacted',
  suite: 'contract',
  appliesTo: (contract) => Object.values(contract.credentials).some((c) => c.secret),
  begin: (start) => {
    const places = secretPlaces(start.contract);
    const out: Violation[] = [];
    return { add: (c) => out.push(...unredacted(c, places)), finish: () => out };
  },
});

function unredacted(c: CaseContext, places: readonly SecretPlace[]): Violation[] {
  const recorded = c.recorded;
  if (recorded === undefined) return [];
  const url = new URL(recorded.request.url);
  return places.flatMap((place): Violation[] => {
    const value = place.in === 'query' ? url.searchParams.get(place.name) : resolvePath(place.in === 'body' ? recorded.decoded.body : recorded.decoded.header, place.path.join('.'));
    if (typeof value !== 'string' || value === '' || value === REDACTED) return [];
    return [violation('secret-in-recording', `${c.recording.file} ${describePlace(place)}`, `Received: a value that is not "${REDACTED}" / Documented: secret credentials are never recorded. Re-record, or replace it with "${REDACTED}".`)];
  });
}
