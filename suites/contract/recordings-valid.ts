import { violation, type Violation } from '../../src/model/violation.ts';
import { always, type ContractCheck } from '../check.ts';

/** Every case has a recording that is valid HAR 1.2 and is labelled with this case and contract. */
export const recordingsValid: ContractCheck = {
  id: 'contract.recordings-valid',
  title: 'Every case has a valid HAR 1.2 recording labelled with its case',
  suite: 'contract',
  scope: 'contract',
  appliesTo: always,
  run: (ctx) =>
    ctx.cases.flatMap((c): Violation[] => {
      if (!c.recording.ok) return [violation('recording', c.recording.file, c.recording.problem)];
      const { entry } = c.recording;
      if (entry._contract !== ctx.contract.id) {
        return [violation('recording-label', c.recording.file, `Received: _contract "${entry._contract}" / Documented: "${ctx.contract.id}".`)];
      }
      return [];
    }),
};
