import { describe, expect, it } from 'vitest';
import { SuiteError } from '../../../src/errors.ts';
import { createReporter, parseReporterSpec, REPORTER_NAMES } from '../../../reporters/index.ts';

const options = { color: false, stdout: { write: () => true } };

/** Run `fn` and return the SuiteError it throws. */
function suiteErrorFrom(fn: () => unknown): SuiteError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SuiteError) return error;
    throw error;
  }
  throw new Error('expected a SuiteError');
}

describe('parseReporterSpec', () => {
  it('parses NAME:PATH and a bare NAME', () => {
    expect(parseReporterSpec('junit:out/x.xml')).toEqual({ name: 'junit', path: 'out/x.xml' });
    expect(parseReporterSpec('json')).toEqual({ name: 'json' });
  });

  it('splits at the first colon only, so Windows drive letters survive', () => {
    expect(parseReporterSpec('json:C:\\out\\report.json')).toEqual({ name: 'json', path: 'C:\\out\\report.json' });
  });

  it('rejects an unknown name with REPORTER_INVALID, listing the known names', () => {
    const error = suiteErrorFrom(() => parseReporterSpec('tap:out.tap'));
    expect(error.code).toBe('REPORTER_INVALID');
    for (const name of REPORTER_NAMES) expect(error.message).toContain(name);
  });

  it('rejects an empty path and a path on the console reporter', () => {
    expect(suiteErrorFrom(() => parseReporterSpec('junit:')).code).toBe('REPORTER_INVALID');
    expect(suiteErrorFrom(() => parseReporterSpec('console:out.txt')).code).toBe('REPORTER_INVALID');
    expect(suiteErrorFrom(() => parseReporterSpec('github:out.txt')).code).toBe('REPORTER_INVALID');
  });
});

describe('createReporter', () => {
  it('creates each known reporter by name', () => {
    expect(REPORTER_NAMES.map((name) => createReporter(name, options).name)).toEqual(['console', 'json', 'junit', 'markdown', 'html', 'github']);
  });

  it('throws REPORTER_INVALID for an unknown name', () => {
    expect(suiteErrorFrom(() => createReporter('tap', options)).code).toBe('REPORTER_INVALID');
  });
});
