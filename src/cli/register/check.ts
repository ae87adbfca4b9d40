import type { Command } from 'commander';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import type { CheckFlags } from '../commands/check.ts';

/** `conformance check FILE|DIR...`: the user's captured traffic, every request and response checked. */
export function registerCheck(program: Command, io: CliIo): void {
  program
    .command('check')
    .description("Check captured traffic (HAR 1.2 from devtools, Playwright, Polly.js, mitmproxy, Charles): each entry's contract is inferred, every request and response check runs")
    .argument('<paths...>', 'HAR files, or folders searched for *.har')
    .option('--contract <id>', 'check every entry against this contract (e.g. ebizcharge/UpdateInvoice) instead of inferring it')
    .option('--reporter <name[:path]>', 'console, json[:PATH], junit[:PATH] (repeatable)', collect, [])
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--unknown <mode>', 'entries no contract matches: ignore (listed as not checked) or fail', 'ignore')
    .option('--entry <n>', 'only the entry at this 1-based position in each file (repeatable)', collect, [])
    .option('--vendor-version <vendor=version>', 'the vendor version your integration targets, e.g. crmcom=R11.0.0 (repeatable)', collect, [])
    .option('--shard <i/n>', 'check only part i of n (1-based) of the entries, in file order, for CI machines in parallel; merge the JSON reports with `conformance merge-reports`')
    .option('--strict', "fail departures from the doc that the vendor's stack accepts (otherwise warnings), e.g. an unquoted SOAPAction")
    .addHelpText('after', '\nCredentials in the capture are never shown; use `conformance redact` for a copy you can commit.\nExit codes: 0 every checked entry conforms, 1 a violation, 2 usage error (unreadable or not HAR, no contracts, nothing to check).\nExample: conformance check test/fixtures/har/chrome-devtools-mixed-hosts.har --reporter console --reporter junit:out/check.xml')
    .action(async (paths: string[], flags: CheckFlags) => {
      const { check } = await import('../commands/check.ts');
      io.setExitCode(await check(paths, flags, io));
    });
}
