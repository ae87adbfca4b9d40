import type { Command } from 'commander';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { parseMs } from './live-flags.ts';
import type { VerifyFlags } from '../commands/pact-verify.ts';

/** `conformance pact verify`: the Pact verifier against a provider (a simulator or a live sandbox). */
export function registerPactVerify(pact: Command, io: CliIo): void {
  pact
    .command('verify')
    .description('Verify a provider (a simulator or a live sandbox) against the exported pact files with the Pact verifier')
    .option('--provider-base-url <url>', 'the provider: URL for every selected vendor, or VENDOR=URL (repeatable)', collect, [])
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--pact-dir <dir>', 'folder of pact files (from pact export)', 'pacts')
    .option('--credentials <file>', 'credentials file, JSON or YAML: { <vendor>: { <credential>: value } }; refused if the group or others can read it')
    .option('--reporter <name[:path]>', 'console, json[:PATH], junit[:PATH] (repeatable)', collect, [])
    .option('--provider-states <mode>', 'simulator: set each provider state with POST /__simulator/state; none: arrange the data yourself', 'simulator')
    .option('--timeout <ms>', 'per-request timeout of the verifier', parseMs, 10_000)
    .option('--run-timeout <ms>', 'deadline of one pact file', parseMs, 300_000)
    .option('--log <file>', "write the Pact verifier's own output (credentials redacted) to this file")
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .addHelpText(
      'after',
      [
        '',
        'Credentials come from --credentials, else the environment (the contract variables, e.g. CENTRA_PASSWORD), else the',
        "simulators' public test values. They are put into each request in flight, never written.",
        'Verifying a live sandbox sends every interaction\'s update: it changes data on the vendor\'s side.',
        'Exit codes: 0 every interaction verified, 1 a mismatch, 2 usage or configuration error.',
        'Example: conformance pact verify --vendor centra --provider-base-url http://127.0.0.1:4010',
      ].join('\n'),
    )
    .action(async (flags: VerifyFlags) => {
      const { verify } = await import('../commands/pact-verify.ts');
      io.setExitCode(await verify(flags, io));
    });
}
