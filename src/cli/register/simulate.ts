import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { REPORT_PATH, REQUESTS_PATH, RESET_PATH } from '../simulate/control-routes.ts';
import type { SimulateFlags } from '../commands/simulate.ts';

/** `conformance simulate`: serve every vendor's simulator on 127.0.0.1 until interrupted. */
export function registerSimulate(program: Command, io: CliIo): void {
  program
    .command('simulate')
    .description('Start the stateful vendor simulators on 127.0.0.1 (one port per vendor) and print their base URLs and test credentials')
    .option('--port <n>', 'first port; vendors get N, N+1, ... in contract id order (0: the OS chooses)', parsePort, 0)
    .option('--seed <file>', 'seed (JSON or YAML) replacing the default seed of the vendors it names')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'recordings whose documented bodies the simulators answer with', DEFAULT_RECORDINGS)
    .option('--quiet', 'do not log requests')
    .option('--reporter <name[:path]>', 'CI mode: write a conformance report of every request received, json:PATH or junit:PATH (repeatable)', collect, [])
    .option('--variants', 'answer each response in another of its legal serializations, in turn (see conformance corpus)')
    .option('--strict', "refuse departures from the doc that the vendor's stack accepts (an unquoted SOAPAction, text/xml for InvoiceXpress, whitespace around a boolean); by default they are answered and logged as warnings")
    .addHelpText('after', [
      '',
      'Every request is checked with every request check. Control routes on every base URL:',
      `  GET  ${REQUESTS_PATH}  the received requests, redacted, with their violations`,
      `  POST ${RESET_PATH}     every simulator back to its seed`,
      `  POST ${REPORT_PATH}    write the --reporter files now`,
      '',
      'Stops on Ctrl-C (SIGINT) or SIGTERM. Without --reporter: exit 0. With --reporter (CI mode): the reports are',
      'written, then exit 1 if any request did not conform (or none arrived), else 0.',
      'Departures the vendors\' stacks accept are answered and logged as warnings; --strict refuses them.',
      'Example: conformance simulate --port 8400 --reporter junit:out/simulate.xml --reporter json:out/simulate.json',
    ].join('\n'))
    .action(async (flags: SimulateFlags) => {
      const { simulateAction } = await import('../commands/simulate.ts');
      await simulateAction(flags, io);
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return n;
}
