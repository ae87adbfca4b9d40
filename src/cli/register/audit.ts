import type { Command } from 'commander';
import { DRIFT_SEVERITIES } from '../../audit/drift-severity.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import type { AuditFlags } from '../commands/audit.ts';

/** `conformance audit --baseline DIR`: drift between recorded baselines and new recordings; exit 1 at or above --fail-on. */
export function registerAudit(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('Compare new recordings with a baseline and report what drifted (breaking, warning, info), with evidence')
    .requiredOption('--baseline <dir>', 'folder of baseline recordings (<vendor>/<operation>/<case>.har)')
    .option('--current <dir>', 'folder of new recordings (default: the shipped recordings/)', DEFAULT_RECORDINGS)
    .option('--fail-on <severity>', `exit 1 when a change is at or above: ${DRIFT_SEVERITIES.join(', ')}`, 'breaking')
    .option('--reporter <name[:path]>', 'console, json[:PATH], junit[:PATH], markdown[:PATH] (repeatable)', collect, [])
    .option('--contracts <dir>', 'folder or file of contracts, to classify responses', DEFAULT_CONTRACTS)
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--accept', 'after reporting, make the baseline match the current recordings for every drifted case (changed and added files copied atomically, removed ones deleted); refused, exit 1, when a current recording fails the leak guard', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 no change at or above --fail-on (or, with --accept, the drift was accepted), 1 drift at or above --fail-on (or --accept refused), 2 usage or configuration error.\nExamples:\n  conformance audit --baseline recordings --current out/recordings --reporter console --reporter markdown:out/audit.md\n  conformance audit --baseline recordings --current out/recordings --accept   # after review: the baseline takes the drifted cases',
    )
    .action(async (flags: AuditFlags) => {
      const { audit } = await import('../commands/audit.ts');
      io.setExitCode(await audit(flags, io));
    });
}
