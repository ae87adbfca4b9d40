import { violation, type Violation } from '../../src/model/violation.ts';
import { always, contractCheck, type CaseContext } from '../check.ts';

/** Every case has a recording that is valid HAR 1.2 and is labelled with this case and contract. */
export const recordingsValid = contractCheck({
  id: 'contract.recordings-valid',
  title: 'Every case has a valid HAR 1.2 recording labelled with its case',
  suite: 'contract',
  appliesTo: always,
  begin: () => {
    const out: Violation[] = [];
    return { add: (c) => out.push(...problems(c)), finish: () => out };
  },
});

function problems(c: CaseContext): Violation[] {
  if (!c.recording.ok) return [violation('recording', c.recording.file, c.recording.problem)];
  const { entry } = c.recording;
  if (entry._contract !== c.contract.id) {
    return [violation('recording-label', c.recording.file, `Received: _contract "${entry._contract}" / Documented: "${c.contract.id}".`)];
  }
  return [];
}
