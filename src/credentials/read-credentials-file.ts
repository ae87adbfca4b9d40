import { stat } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { readTextFile } from '../codec/text/read-text-file.ts';
import { SuiteError } from '../errors.ts';

/** Values of one vendor in a credentials file: credential names (and optionally `baseUrl`) to strings. */
export type VendorValues = Readonly<Record<string, string>>;

/** A credentials file: `{ <vendor>: { <credential name>: value, baseUrl?: url } }`. */
export type CredentialsFile = Readonly<Record<string, VendorValues>>;

/** The largest credentials file read, in bytes. */
export const MAX_CREDENTIALS_BYTES = 1024 * 1024;

/** Permission bits that let the group or others read the file. */
const READABLE_BY_OTHERS = 0o044;

/**
 * Read a credentials file (JSON or YAML). Refused when the group or others may read it (run
 * `chmod 600 FILE`), when it cannot be read or parsed, or when it is not vendor → name → string.
 * Error messages name keys, never values.
 * @throws SuiteError `CREDENTIALS_INVALID`
 */
export async function readCredentialsFile(path: string): Promise<CredentialsFile> {
  const mode = await fileMode(path);
  if ((mode & READABLE_BY_OTHERS) !== 0) {
    throw new SuiteError('CREDENTIALS_INVALID', `Refusing credentials file ${path}: its mode ${(mode & 0o777).toString(8).padStart(3, '0')} lets the group or others read it. Run: chmod 600 ${path}`);
  }
  const text = await readTextFile(path, { maxBytes: MAX_CREDENTIALS_BYTES, name: 'MAX_CREDENTIALS_BYTES', secret: true });
  if (!text.ok) throw new SuiteError('CREDENTIALS_INVALID', `Credentials file ${text.problem}`);
  return validate(parse(text.value, path), path);
}

async function fileMode(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new SuiteError('CREDENTIALS_INVALID', `Credentials file ${path} is not a file`);
    return s.mode;
  } catch (error) {
    if (error instanceof SuiteError) throw error;
    throw new SuiteError('CREDENTIALS_INVALID', `Cannot read credentials file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parse(text: string, path: string): unknown {
  try {
    // YAML is a superset of JSON, so one parser reads both.
    return parseYaml(text) as unknown;
  } catch (error) {
    // The parser's message may quote the offending line, which could be a secret: give the position only.
    const pos = (error as { linePos?: readonly { line: number; col: number }[] }).linePos?.[0];
    throw new SuiteError('CREDENTIALS_INVALID', `Credentials file ${path} is not valid JSON or YAML${pos === undefined ? '' : ` (line ${pos.line}, column ${pos.col})`}`);
  }
}

function validate(data: unknown, path: string): CredentialsFile {
  const shape = `Expected { <vendor>: { <credential name>: "value", baseUrl: "https://..." } }.`;
  if (!isRecord(data)) throw new SuiteError('CREDENTIALS_INVALID', `Credentials file ${path} is not an object of vendors. ${shape}`);
  const out: Record<string, VendorValues> = {};
  for (const [vendor, values] of Object.entries(data)) {
    if (!isRecord(values)) throw new SuiteError('CREDENTIALS_INVALID', `Credentials file ${path}: "${vendor}" is not an object of credential names. ${shape}`);
    const bad = Object.entries(values).filter(([, v]) => typeof v !== 'string').map(([k]) => k);
    if (bad.length > 0) throw new SuiteError('CREDENTIALS_INVALID', `Credentials file ${path}: ${vendor}.${bad.join(`, ${vendor}.`)} must be strings. ${shape}`);
    out[vendor] = values as VendorValues;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
