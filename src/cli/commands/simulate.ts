import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { loadSeed } from '../../targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../targets/simulate/start-simulators.ts';
import { STATE_PATH } from '../../targets/simulate/simulator.ts';
import { testCredentials } from '../../targets/simulate/test-credentials.ts';

interface SimulateFlags {
  readonly port: number;
  readonly seed?: string;
  readonly vendor: string[];
  readonly contracts: string;
  readonly recordings: string;
  readonly quiet?: boolean;
  readonly strict?: boolean;
}

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
    .option('--strict', "refuse departures from the doc that the vendor's stack accepts (an unquoted SOAPAction, text/xml for InvoiceXpress, whitespace around a boolean); by default they are answered and logged as warnings")
    .addHelpText('after', '\nStops on Ctrl-C (SIGINT) or SIGTERM, exit 0.\nExample: conformance simulate --port 8400')
    .action(async (flags: SimulateFlags) => {
      const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
      const sims = await startSimulators({
        contracts,
        recordingsDir: flags.recordings,
        seed: await loadSeed(flags.seed),
        port: flags.port,
        strict: flags.strict === true,
        // Method, path, status and the note (check rule and place): never a body or a query string (it may hold an API key).
        ...(flags.quiet === true ? {} : { onRequest: (l) => io.stdout.write(`${l.contract}  ${l.method} ${l.path}  ${l.status}${l.documented === null ? '' : ` ${l.documented}`}${l.note === undefined ? '' : `  [${l.note}]`}\n`) }),
      });
      io.stdout.write(banner(sims));
      await untilStopped();
      await sims.close();
      io.stdout.write('Simulators stopped.\n');
    });
}

function banner(sims: RunningSimulators): string {
  const width = Math.max(...sims.running.map((r) => r.contract.id.length));
  const urls = sims.running.map((r) => `  ${r.contract.id.padEnd(width)}  ${r.baseUrl}`);
  // The one place credentials are printed: the simulators' public test values, never the environment's.
  const creds = sims.running.map((r) => `  ${r.contract.vendor.padEnd(14)}${Object.entries(testCredentials(r.contract)).map(([name, v]) => `${r.contract.credentials[name]?.env ?? name}=${v}`).join(' ')}`);
  const env = sims.running.map((r) => `${r.contract.transport.baseUrlEnv}=${r.baseUrl}`).join(' ');
  return [
    'Vendor simulators on 127.0.0.1 (Ctrl-C to stop):',
    ...urls,
    '',
    'Test credentials (public values the simulators accept):',
    ...creds,
    '',
    `State of each simulator: GET <base URL>${STATE_PATH}`,
    `Point a live run at them: ${env} <credentials above> conformance probe --target live`,
    '',
  ].join('\n');
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return n;
}
