import type { Command } from 'commander';
import { SuiteError } from '../../errors.ts';
import type { Contract } from '../../types/contract.ts';
import type { HttpRequest } from '../../model/http.ts';
import type { Violation } from '../../model/violation.ts';
import { parseJson } from '../../codec/json/parse-json.ts';
import { validateCanonical } from '../../contract/canonical-schema.ts';
import { buildRequest } from '../../protocols/build-request.ts';
import { checkBuiltRequest, decodeBuiltRequest } from '../../protocols/check-built-request.ts';
import { placeholderCredentials } from '../../contract/placeholder-credentials.ts';
import { evaluateRules } from '../../rules/evaluate-rules.ts';
import { loadOneContract } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import { readInputFile } from '../read-input-file.ts';
import type { CliIo } from '../io.ts';

interface BuildFlags {
  readonly input?: string;
  readonly case?: string;
  readonly baseUrl?: string;
  readonly json?: boolean;
  readonly contracts: string;
}

/** `conformance build V/OP --input FILE.json`: canonical update → the HTTP request it sends. */
export function registerBuild(program: Command, io: CliIo): void {
  program
    .command('build')
    .description('Build the HTTP request a canonical update becomes, and check it against the contract')
    .argument('<contract>', 'contract id, e.g. centra/invoices_Update')
    .option('--input <file>', 'canonical update as JSON (see src/model/canonical-update.schema.json)')
    .option('--case <name>', "use a contract case's input instead of --input")
    .option('--base-url <url>', 'base URL to build against (default: the contract replay URL)')
    .option('--json', 'print the request as JSON instead of HTTP text')
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .addHelpText('after', '\nCredentials are the contract placeholders. Exit codes: 0 conformant, 1 a required value is missing or the body breaks the contract, 2 usage error.')
    .action(async (id: string, flags: BuildFlags) => {
      const { contract } = await loadOneContract(flags.contracts, id);
      const input = await readInput(contract, flags);
      const built = buildRequest(contract, input, { baseUrl: flags.baseUrl ?? contract.transport.replayBaseUrl, credentials: placeholderCredentials(contract) });
      const decoded = decodeBuiltRequest(contract, built.request);
      const rules = await evaluateRules(contract, 'request', { data: decoded.body, header: decoded.header });
      const violations = [...built.violations, ...checkBuiltRequest(contract, built.request), ...rules];
      io.stdout.write(flags.json === true ? `${JSON.stringify({ request: built.request, violations }, null, 2)}\n` : httpText(built.request));
      if (flags.json !== true) for (const v of violations) io.stderr.write(`violation ${v.rule} at ${v.path}: ${v.message}\n`);
      io.setExitCode(violations.some((v: Violation) => v.severity === 'error') ? 1 : 0);
    });
}

async function readInput(contract: Contract, flags: BuildFlags): Promise<unknown> {
  if ((flags.input === undefined) === (flags.case === undefined)) throw new SuiteError('USAGE', 'Give exactly one of --input FILE.json or --case NAME.');
  if (flags.case !== undefined) {
    const found = contract.cases.find((c) => c.name === flags.case);
    if (found === undefined) throw new SuiteError('USAGE', `Unknown case "${flags.case}". Cases of ${contract.id}: ${contract.cases.map((c) => c.name).join(', ')}.`);
    return found.input;
  }
  const parsed = parseJson(await readInputFile(flags.input ?? '', '--input'));
  if (!parsed.ok) throw new SuiteError('INPUT_INVALID', `--input ${flags.input ?? ''}: ${parsed.problem.message}`);
  const errors = validateCanonical(parsed.value);
  if (errors.length > 0) {
    const lines = errors.map((e) => `input${e.instancePath} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? ` ("${String(e.params['additionalProperty'])}")` : ''}`);
    throw new SuiteError('INPUT_INVALID', `--input ${flags.input ?? ''} is not a canonical update:`, { details: lines });
  }
  return parsed.value;
}

function httpText(r: HttpRequest): string {
  const url = new URL(r.url);
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
  return [`${r.method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, ...headers, '', r.body, ''].join('\n');
}
