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
import { readInputFile } from '../read-input-file.ts';
import type { CliIo } from '../io.ts';

export interface BuildFlags {
  readonly input?: string;
  readonly case?: string;
  readonly baseUrl?: string;
  readonly json?: boolean;
  readonly contracts: string;
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

/** The `build` command's action (loaded when the command runs). */
export async function buildAction(id: string, flags: BuildFlags, io: CliIo): Promise<void> {
  const { contract } = await loadOneContract(flags.contracts, id);
  const input = await readInput(contract, flags);
  const built = buildRequest(contract, input, { baseUrl: flags.baseUrl ?? contract.transport.replayBaseUrl, credentials: placeholderCredentials(contract) });
  const decoded = decodeBuiltRequest(contract, built.request);
  const rules = await evaluateRules(contract, 'request', { data: decoded.body, header: decoded.header });
  const violations = [...built.violations, ...checkBuiltRequest(contract, built.request), ...rules];
  io.stdout.write(flags.json === true ? `${JSON.stringify({ request: built.request, violations }, null, 2)}\n` : httpText(built.request));
  if (flags.json !== true) for (const v of violations) io.stderr.write(`violation ${v.rule} at ${v.path}: ${v.message}\n`);
  io.setExitCode(violations.some((v: Violation) => v.severity === 'error') ? 1 : 0);
}
