import { SuiteError } from '../../errors.ts';
import type { HttpResponse } from '../../model/http.ts';
import { classifyResponse } from '../../protocols/classify-response.ts';
import { evaluateRules } from '../../rules/evaluate-rules.ts';
import { hasErrors } from '../../model/violation.ts';
import { parseHar } from '../../recording/read-har.ts';
import { entryResponse } from '../../recording/entry-to-exchange.ts';
import { loadOneContract } from '../load-contracts.ts';
import { decodeBody } from '../../codec/text/decode-body.ts';
import { readInputBytes, readInputFile } from '../read-input-file.ts';
import type { CliIo } from '../io.ts';

export interface ParseFlags {
  readonly response: string;
  readonly status?: string;
  readonly header: string[];
  readonly case?: string;
  readonly contracts: string;
}


async function readResponse(flags: ParseFlags): Promise<HttpResponse> {
  const given = headerFlags(flags.header);
  const base = flags.response.endsWith('.har') ? fromHar(await readInputFile(flags.response, '--response'), flags) : await fromBody(flags.response, given['content-type']);
  return { status: flags.status === undefined ? base.status : parseStatus(flags.status), headers: { ...base.headers, ...given }, body: base.body };
}

function headerFlags(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of values) {
    const colon = h.indexOf(':');
    if (colon < 1) throw new SuiteError('USAGE', `--header "${h}" is not "Name: value".`);
    headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
  }
  return headers;
}

/** A bare body file, decoded as a received body is: by the charset of `--header "Content-Type: ..."`, its BOM or XML declaration, else UTF-8. */
async function fromBody(file: string, contentType: string | undefined): Promise<HttpResponse> {
  const body = decodeBody(await readInputBytes(file, '--response'), contentType);
  if (!body.ok) throw new SuiteError('INPUT_INVALID', `--response ${file}: ${body.problem.message}`);
  return { status: 200, headers: {}, body: body.value };
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

/** The `parse` command's action (loaded when the command runs). */
export async function parseAction(id: string, flags: ParseFlags, io: CliIo): Promise<void> {
  const { contract } = await loadOneContract(flags.contracts, id);
  const response = await readResponse(flags);
  const { matched, ...classified } = classifyResponse(contract, response);
  // Response rules (e.g. totals that must add up) make a classified response non-conformant too.
  const rules = await evaluateRules(contract, 'response', { data: classified.data }, matched);
  const violations = [...classified.violations, ...rules];
  const parsed = { ...classified, conformant: classified.conformant && !hasErrors(rules), violations };
  io.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
  io.setExitCode(parsed.conformant ? 0 : 1);
}
