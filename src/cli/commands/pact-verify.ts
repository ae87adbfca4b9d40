import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SuiteError } from '../../errors.ts';
import { readCredentialsFile, type CredentialsFile } from '../../credentials/read-credentials-file.ts';
import { secretValues } from '../../credentials/secret-values.ts';
import { pactProviderName } from '../../pact/export-pacts.ts';
import { readPactFile, type PactFileSummary } from '../../pact/read-pact-file.ts';
import { writeGuardedFile } from '../../pact/write-guarded-file.ts';
import { redactingReporter } from '../../recording/redact-reporter.ts';
import { redactText } from '../../recording/redact-text.ts';
import { runPactVerification, type PactTarget } from '../../runner/run-pact-verification.ts';
import { testCredentials } from '../../targets/simulate/test-credentials.ts';
import type { LoadedContract } from '../../types/contract.ts';
import type { RunWarning } from '../../model/run-summary.ts';
import { assertOneOnStdout, createReporter, parseReporterSpec } from '../../../reporters/index.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { displayPath } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { TOOL } from '../options.ts';

export interface VerifyFlags {
  readonly providerBaseUrl: string[];
  readonly vendor: string[];
  readonly pactDir: string;
  readonly credentials?: string;
  readonly reporter: string[];
  readonly providerStates: string;
  readonly timeout: number;
  readonly runTimeout: number;
  readonly log?: string;
  readonly contracts: string;
}


export async function verify(flags: VerifyFlags, io: CliIo): Promise<number> {
  if (!['simulator', 'none'].includes(flags.providerStates)) throw new SuiteError('USAGE', `Unknown --provider-states "${flags.providerStates}". Available: simulator, none.`);
  const specs = flags.reporter.length === 0 ? ['console'] : flags.reporter;
  assertOneOnStdout(specs, parseReporterSpec, 'json:out/pact-verify.json');
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const urls = providerUrls(flags.providerBaseUrl, contracts);
  const pacts = await pactFiles(flags.pactDir, contracts, flags.vendor.length > 0, (line) => io.stderr.write(`warning: ${line}\n`));
  const file = flags.credentials === undefined ? undefined : await readCredentialsFile(flags.credentials);
  const warnings: RunWarning[] = [];
  const targets: PactTarget[] = pacts.map(({ loaded, pact }) => ({ loaded, pact, providerBaseUrl: urls(loaded), credentials: credentialsFor(loaded, file, warnings) }));
  const secrets = [...new Set(targets.flatMap((t) => secretValues(t.loaded.contract, t.credentials)))];
  let reporterFailed = false;
  const reporters = specs.map((spec) => redactingReporter(createReporter(spec, { color: io.color, stdout: io.stdout }), secrets));
  const { summary, log } = await runPactVerification({
    targets,
    stateSetup: flags.providerStates === 'simulator',
    timeoutMs: flags.timeout,
    deadlineMs: flags.runTimeout,
    secrets,
    reporters,
    tool: TOOL,
    warnings,
    onReporterError: (message) => {
      reporterFailed = true;
      io.stderr.write(`error: ${redactText(message, secrets).text}\n`);
    },
  });
  if (flags.log !== undefined) await writeGuardedFile(flags.log, log, secrets);
  if (reporterFailed) return 2;
  return summary.ok ? 0 : 1;
}

/** `URL` for every contract, or `VENDOR=URL` per vendor; every selected contract needs one. */
function providerUrls(values: readonly string[], contracts: readonly LoadedContract[]): (loaded: LoadedContract) => string {
  if (values.length === 0) throw new SuiteError('USAGE', 'pact verify needs --provider-base-url URL (or VENDOR=URL), e.g. a base URL that conformance simulate printed.');
  const byVendor = new Map<string, string>();
  let all: string | undefined;
  for (const value of values) {
    const m = /^([a-z0-9-]+)=(.*)$/.exec(value);
    const url = checkUrl(m === null ? value : (m[2] ?? ''));
    if (m === null) all = url;
    else byVendor.set(m[1] ?? '', url);
  }
  const missing = contracts.filter((l) => !byVendor.has(l.contract.vendor) && all === undefined).map((l) => l.contract.vendor);
  if (missing.length > 0) throw new SuiteError('USAGE', `No --provider-base-url for ${missing.join(', ')}: give VENDOR=URL for each, one URL for all, or limit with --vendor.`);
  return (loaded) => byVendor.get(loaded.contract.vendor) ?? all ?? '';
}

function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SuiteError('USAGE', `--provider-base-url "${value}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SuiteError('USAGE', '--provider-base-url must be an http:// or https:// URL.');
  if (url.username !== '' || url.password !== '' || url.search !== '') throw new SuiteError('USAGE', '--provider-base-url must not carry a user, a password or a query; credentials come from the environment or --credentials.');
  return value.replace(/\/+$/, '');
}

/** The pact file of each selected contract (by provider name) in the folder. */
async function pactFiles(dir: string, contracts: readonly LoadedContract[], strict: boolean, warn: (line: string) => void): Promise<{ loaded: LoadedContract; pact: PactFileSummary }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new SuiteError('FILE_UNREADABLE', `Cannot read the pact folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Run: conformance pact export --out ${dir}`);
  }
  // Another JSON file in the folder (a report, say) is not a reason to stop: it is skipped and named.
  const read = await Promise.all(
    names.map((n) =>
      readPactFile(join(dir, n)).catch((error: unknown) => {
        if (!(error instanceof SuiteError) || error.code !== 'INPUT_INVALID') throw error;
        warn(`skipped ${join(dir, n)}: ${error.message}`);
        return undefined;
      }),
    ),
  );
  const summaries = read.filter((s): s is PactFileSummary => s !== undefined);
  const out = contracts.flatMap((loaded) => {
    const pact = summaries.find((s) => s.provider === pactProviderName(loaded.contract));
    return pact === undefined ? [] : [{ loaded, pact }];
  });
  const absent = contracts.filter((l) => !out.some((o) => o.loaded === l)).map((l) => pactProviderName(l.contract));
  if (out.length === 0 || (strict && absent.length > 0)) {
    throw new SuiteError('INPUT_INVALID', `No pact file in ${displayPath(dir)} for provider ${absent.join(', ')}. Run: conformance pact export --out ${displayPath(dir)}`);
  }
  return out;
}

/** --credentials, else the environment, else the simulators' public test values (with a warning). */
function credentialsFor(loaded: LoadedContract, file: CredentialsFile | undefined, warnings: RunWarning[]): Record<string, string> {
  const contract = loaded.contract;
  const fromFile = file?.[contract.vendor] ?? {};
  const test = testCredentials(contract);
  const fallback: string[] = [];
  const values = Object.fromEntries(
    Object.entries(contract.credentials).map(([name, spec]) => {
      const given = fromFile[name] ?? process.env[spec.env];
      if (given !== undefined && given !== '') return [name, given];
      fallback.push(spec.env);
      return [name, test[name] ?? ''];
    }),
  );
  if (fallback.length > 0) warnings.push({ message: `${contract.id}: no ${fallback.join(', ')} set; sending the simulators' public test values (they work only against conformance simulate).`, contract: contract.id });
  return values;
}
