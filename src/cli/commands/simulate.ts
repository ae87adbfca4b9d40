import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import type { CliIo } from '../io.ts';
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
import { controlRoutes, REQUESTS_PATH } from '../simulate/control-routes.ts';
import { STATE_PATH } from '../../targets/simulate/simulator.ts';
import { testCredentials } from '../../targets/simulate/test-credentials.ts';

export interface SimulateFlags {
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


/** The `simulate` command's action (loaded when the command runs). */
export async function simulateAction(flags: SimulateFlags, io: CliIo): Promise<void> {
  const ci = flags.reporter.length > 0;
  if (ci) assertOneOnStdout(flags.reporter, parseReporterSpec, 'json:out/simulate.json');
  // stdout carries the request log: a file format there would be unreadable.
  const onStdout = flags.reporter.map((spec) => parseReporterSpec(spec)).find((r) => r.name !== 'console' && r.path === undefined);
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
}
