import type { Command } from 'commander';
import { SuiteError } from '../../errors.ts';
import type { HttpResponse } from '../../model/http.ts';
import { classifyResponse } from '../../protocols/classify-response.ts';
import { evaluateRules } from '../../rules/evaluate-rules.ts';
import { hasErrors } from '../../model/violation.ts';
import { parseHar } from '../../recording/read-har.ts';
import { entryResponse } from '../../recording/entry-to-exchange.ts';
import { loadOneContract } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import { readInputFile } from '../read-input-file.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';

interface ParseFlags {
  readonly response: string;
  readonly status?: string;
  readonly header: string[];
  readonly case?: string;
  readonly contracts: string;
}

/** `conformance parse V/OP --response FILE`: a response body → normalized outcome JSON. */
export function registerParse(program: Command, io: CliIo): void {
  program
    .command('parse')
    .description('Classify a response body into a normalized outcome and check it against the contract')
    .argument('<contract>', 'contract id, e.g. centra/invoices_Update')
    .requiredOption('--response <file>', 'response body file, or a .har recording (its response is used)')
    .option('--status <code>', 'HTTP status of the response (default 200, or the recording\'s)')
    .option('--header <"K: V">', 'response header (repeatable)', collect, [])
    .option('--case <name>', 'with a .har holding several entries, the case to use')
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .addHelpText('after', '\nPrints {"contract","outcome","conformant","vendorCode","message","data","violations"}.\nExit codes: 0 conformant, 1 not conformant (undocumented or malformed response), 2 usage error.')
    .action(async (id: string, flags: ParseFlags) => {
      const { contract } = await loadOneContract(flags.contracts, id);
      const response = await readResponse(flags);
      const { matched, ...classified } = classifyResponse(contract, response);
      // Response rules (e.g. totals that must add up) make a classified response non-conformant too.
      const rules = await evaluateRules(contract, 'response', { data: classified.data }, matched);
      const violations = [...classified.violations, ...rules];
      const parsed = { ...classified, conformant: classified.conformant && !hasErrors(rules), violations };
      io.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
      io.setExitCode(parsed.conformant ? 0 : 1);
    });
}

async function readResponse(flags: ParseFlags): Promise<HttpResponse> {
  const text = await readInputFile(flags.response, '--response');
  const base = flags.response.endsWith('.har') ? fromHar(text, flags) : { status: 200, headers: {}, body: text };
  const headers: Record<string, string> = { ...base.headers };
  for (const h of flags.header) {
    const colon = h.indexOf(':');
    if (colon < 1) throw new SuiteError('USAGE', `--header "${h}" is not "Name: value".`);
    headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
  }
  return { status: flags.status === undefined ? base.status : parseStatus(flags.status), headers, body: base.body };
}

function parseStatus(value: string): number {
  const status = Number(value);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new SuiteError('USAGE', `--status ${value} is not an HTTP status code (100-599).`);
  return status;
}

function fromHar(text: string, flags: ParseFlags): HttpResponse {
  const har = parseHar(text, flags.response);
  if (!har.ok) throw new SuiteError('RECORDING_INVALID', har.problem);
  const entries = har.value.log.entries;
  const entry = flags.case === undefined ? entries[0] : entries.find((e) => e._case === flags.case);
  if (entry === undefined) throw new SuiteError('USAGE', `${flags.response} has no entry${flags.case === undefined ? '' : ` for case "${flags.case}"`}.`);
  return entryResponse(entry);
}
