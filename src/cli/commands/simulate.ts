import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { SuiteError } from '../../errors.ts';
import { loadSeed } from '../../targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../targets/simulate/start-simulators.ts';
import type { SimulatorLogLine } from '../../targets/simulate/serve-simulator.ts';
import type { Simulator } from '../../targets/simulate/simulator.ts';
import { checkingSimulator } from '../../runner/received/checking-simulator.ts';
import { strictCaseChecks } from '../../../suites/strict-checks.ts';
import { createRequestLog } from '../../runner/received/request-log.ts';
import { variantPicker } from '../../corpus/variant-picker.ts';
import { RECEIVED_REQUEST_CHECKS } from '../../../suites/received-request-checks.ts';
import { assertOneOnStdout, createReporter, parseReporterSpec } from '../../../reporters/index.ts';
import { createCiReport } from '../simulate/ci-report.ts';
import { controlRoutes, REPORT_PATH, REQUESTS_PATH, RESET_PATH } from '../simulate/control-routes.ts';
import { STATE_PATH } from '../../targets/simulate/simulator.ts';
import { testCredentials } from '../../targets/simulate/test-credentials.ts';

interface SimulateFlags {
  readonly port: number;
  readonly seed?: string;
  readonly vendor: string[];
  readonly contracts: string;
  readonly recordings: string;
  readonly quiet?: boolean;
  readonly reporter: string[];
  readonly variants?: boolean;
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
      const ci = flags.reporter.length > 0;
      if (ci) assertOneOnStdout(flags.reporter, parseReporterSpec, 'json:out/simulate.json');
      // stdout carries the request log: a file format there would be unreadable.
      const onStdout = flags.reporter.map(parseReporterSpec).find((r) => r.name !== 'console' && r.path === undefined);
      if (onStdout !== undefined) throw new SuiteError('USAGE', `simulate logs requests on stdout, so --reporter ${onStdout.name} needs a path, e.g. --reporter ${onStdout.name}:out/simulate.${onStdout.name === 'junit' ? 'xml' : 'json'}.`);
      const reporters = flags.reporter.map((spec) => ({ reporter: createReporter(spec, { color: io.color, stdout: io.stdout }), path: parseReporterSpec(spec).path ?? '(stdout)' }));
      const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
      // --strict: what the simulators refuse (an accepted departure) is reported as a failure too, not a warning.
      const log = createRequestLog({ checks: flags.strict === true ? strictCaseChecks(RECEIVED_REQUEST_CHECKS) : RECEIVED_REQUEST_CHECKS, reproduce: `curl -s <base URL>${REQUESTS_PATH}` });
      const report = createCiReport(log, contracts, reporters, (m) => io.stderr.write(`warning: ${m}\n`));
      const wrapped: Simulator[] = [];
      const pick = flags.variants === true ? variantPicker() : undefined;
      const sims = await startSimulators({
        contracts,
        recordingsDir: flags.recordings,
        seed: await loadSeed(flags.seed),
        port: flags.port,
        wrap: (s) => {
          wrapped.push(s);
          return checkingSimulator(s, log, pick);
        },
        routes: controlRoutes({ log, simulators: wrapped, writeReport: () => report.write() }),
        ...(flags.quiet === true ? {} : { onRequest: (l) => io.stdout.write(logLine(l)) }),
        strict: flags.strict === true,
      });
      io.stdout.write(banner(sims));
      await untilStopped();
      await sims.close();
      io.stdout.write('Simulators stopped.\n');
      if (!ci) return;
      const { written, ok } = await report.write();
      const failed = log.entries().filter((r) => !r.conformant).length;
      io.stdout.write(`${log.entries().length} request(s) received, ${failed} did not conform. Report: ${written.join(', ') || '(none written)'}\n`);
      if (!ok) io.setExitCode(1);
    });
}

// Method, path and status, and why a request was refused: never a body or a query string (it may hold an API key).
function logLine(l: SimulatorLogLine): string {
  return `${l.contract}  ${l.method} ${l.path}  ${l.status}${l.documented === null ? '' : ` ${l.documented}`}${l.reason === undefined ? '' : `  (${l.reason})`}${l.note === undefined ? '' : `  [${l.note}]`}\n`;
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
