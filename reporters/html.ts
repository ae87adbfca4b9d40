import type { RunSummary } from '../src/model/run-summary.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { pageData } from './html/report-data.ts';
import { PAGE_SCRIPT } from './html/page-script.ts';
import { PAGE_STYLE } from './html/page-style.ts';
import { escapeXmlText as escapeHtml } from './shared/escape-xml.ts';
import { writeOutput } from './shared/write-output.ts';

/** Nothing may load from anywhere: no network, no frames, only the inline style and script. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Render a report as one self-contained HTML file (inline CSS and JS, no network fetches): per-vendor
 * score and coverage, the vendor × suite matrix coloured by result, results filterable by vendor,
 * suite, state and text with a drill-down to expected, actual, path, file and rerun command, doc
 * findings with evidence, warnings, and for an audit the drift with before/after. Pure. Report data is
 * embedded as JSON (with `<` escaped) and the script builds the page with `textContent` only.
 */
export function renderHtml(summary: RunSummary): string {
  const data = pageData(summary);
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const verdict = data.ok ? '<span class="ok">passed</span>' : '<span class="bad">failed</span>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}: ${escapeHtml(data.counts)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(data.title)} ${verdict}</h1>
<div id="summary">${escapeHtml(data.counts)} · target <code>${escapeHtml(data.target)}</code> · ${escapeHtml(data.tool)} · ${escapeHtml(data.startedAt)}</div>
</header>
<main>
<section><h2>Vendors</h2><div class="cards" id="vendors"></div></section>
<section><h2>Vendor × suite</h2><table id="matrix"></table></section>
<section><h2>Results <span class="muted" id="count"></span></h2>
<div class="filters">
<label>Vendor <select id="filter-vendor"></select></label>
<label>Suite <select id="filter-suite"></select></label>
<label>State <select id="filter-state"></select></label>
<label>Search <input id="filter-text" type="search" placeholder="id or title"></label>
</div>
<div id="results"></div></section>
<section id="drift-section"><h2>Drift</h2><div id="drift"></div></section>
<section><h2>Warnings (<span id="warnings-count"></span>)</h2><div id="warnings"></div></section>
<section><h2>Doc findings (<span id="findings-count"></span>) <span class="muted">vendor documentation inconsistencies, not failures</span></h2><div id="findings"></div></section>
</main>
<noscript><p>This report needs JavaScript to show its results; the JSON report has the same data.</p></noscript>
<script type="application/json" id="report-data">${json}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** Writes {@link renderHtml} to `options.path` (atomically) or stdout. */
export function createHtmlReporter(options: ReporterOptions): Reporter {
  return {
    name: 'html',
    async onRunEnd(summary) {
      await writeOutput(options, renderHtml(summary));
    },
  };
}
