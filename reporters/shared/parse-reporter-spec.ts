import { SuiteError } from '../../src/errors.ts';

/** A parsed `--reporter NAME[:PATH]` value; no path means stdout. */
export interface ParsedReporterSpec<N extends string> {
  readonly name: N;
  readonly path?: string;
}

/**
 * Parse `NAME` or `NAME:PATH` (split at the first colon, so `junit:C:\out\x.xml` keeps its drive)
 * against the names a command accepts; `known` names them in the error ("reporters", "audit reporters").
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console`.
 */
export function parseSpecAgainst<N extends string>(spec: string, names: readonly N[], known: string): ParsedReporterSpec<N> {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const path = colon === -1 ? undefined : spec.slice(colon + 1);
  if (!(names as readonly string[]).includes(name)) {
    throw new SuiteError('REPORTER_INVALID', `Unknown reporter "${name}" in --reporter ${spec}. Known ${known}: ${names.join(', ')}.`);
  }
  const valid = name as N;
  if (path === undefined) return { name: valid };
  if (path === '') throw new SuiteError('REPORTER_INVALID', `Empty path in --reporter ${spec}. Use ${name} (stdout) or ${name}:PATH.`);
  if (name === 'console') {
    throw new SuiteError('REPORTER_INVALID', `The console reporter writes to stdout and takes no path (got --reporter ${spec}). Use another reporter with a PATH for files.`);
  }
  return { name: valid, path };
}

/**
 * At most one reporter may write a document to stdout, or outputs would interleave; `github`
 * annotations may go beside it, as vitest's do.
 * @throws SuiteError `USAGE`
 */
export function assertOneOnStdout(specs: readonly string[], parse: (spec: string) => { readonly name: string; readonly path?: string }, example: string): void {
  const toStdout = specs.filter((s) => {
    const parsed = parse(s);
    return parsed.path === undefined && parsed.name !== 'github';
  });
  if (toStdout.length > 1) {
    throw new SuiteError('USAGE', `Only one reporter can write to stdout (got ${toStdout.join(', ')}). Give the others a path, e.g. --reporter ${example}.`);
  }
}
