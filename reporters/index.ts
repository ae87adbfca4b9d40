import { parseSpecAgainst, type ParsedReporterSpec } from './shared/parse-reporter-spec.ts';
import { assertNever } from '../src/model/result.ts';
import { SuiteError } from '../src/errors.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { createConsoleReporter } from './console.ts';
import { createGithubReporter } from './github.ts';
import { createHtmlReporter } from './html.ts';
import { createJsonReporter } from './json.ts';
import { createJunitReporter } from './junit.ts';
import { createMarkdownReporter } from './markdown.ts';
import { checkReportPath } from './shared/check-report-path.ts';

export { renderConsoleSummary, createConsoleReporter } from './console.ts';
export { renderJson, createJsonReporter } from './json.ts';
export { renderJunit, createJunitReporter } from './junit.ts';
export { renderMarkdown, createMarkdownReporter } from './markdown.ts';
export { renderHtml, createHtmlReporter } from './html.ts';
export { renderGithub, createGithubReporter } from './github.ts';
export { writeFileAtomic } from './shared/write-file-atomic.ts';
export { assertOneOnStdout } from './shared/parse-reporter-spec.ts';

/** Names accepted by `--reporter NAME[:PATH]`. Part of the CLI surface. */
export const REPORTER_NAMES = ['console', 'json', 'junit', 'markdown', 'html', 'github'] as const;

/** One reporter name. */
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** Reporters that print beside the console on stdout and take no path (annotations are read from the log). */
const STDOUT_ONLY: readonly ReporterName[] = ['console', 'github'];

/** A parsed `--reporter` value: the reporter and, for file formats, where to write (absent: stdout). */
export type ReporterSpec = ParsedReporterSpec<ReporterName>;

/**
 * Parse `NAME` or `NAME:PATH`; `label` names the list in an unknown-name error (`Known <label>: …`).
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console` or `github`.
 */
export function parseReporterSpec(spec: string, label = 'reporters'): ReporterSpec {
  const parsed = parseSpecAgainst(spec, REPORTER_NAMES, label);
  if (parsed.name === 'github' && parsed.path !== undefined) {
    throw new SuiteError('REPORTER_INVALID', `The github reporter prints annotations to stdout and takes no path (got --reporter ${spec}).`);
  }
  return parsed;
}

/**
 * Create the reporter a `--reporter` value names. A path in the spec overrides `options.path`.
 * `label` names the list in an unknown-name error (`Known <label>: …`).
 * @throws SuiteError `REPORTER_INVALID` when the spec is invalid (see {@link parseReporterSpec}) or its path cannot be written.
 */
export function createReporter(spec: string, options: ReporterOptions, label = 'reporters'): Reporter {
  const parsed = parseReporterSpec(spec, label);
  // An unwritable report path is a configuration error now, not after minutes of work.
  if (parsed.path !== undefined && !STDOUT_ONLY.includes(parsed.name)) checkReportPath(parsed.path, spec);
  const resolved: ReporterOptions = parsed.path === undefined ? options : { ...options, path: parsed.path };
  switch (parsed.name) {
    case 'console':
      return createConsoleReporter(resolved);
    case 'json':
      return createJsonReporter(resolved);
    case 'junit':
      return createJunitReporter(resolved);
    case 'markdown':
      return createMarkdownReporter(resolved);
    case 'html':
      return createHtmlReporter(resolved);
    case 'github':
      return createGithubReporter(resolved);
    default:
      return assertNever(parsed.name);
  }
}
