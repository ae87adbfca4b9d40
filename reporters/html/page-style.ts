/** The page's CSS, inlined: no fonts, images or stylesheets are fetched. */
export const PAGE_STYLE = `
:root{--pass:#1a7f37;--fail:#cf222e;--skip:#8c959f;--warn:#9a6700;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--code:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{padding:12px 20px}header{border-bottom:1px solid var(--line)}h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 8px}
.ok{color:var(--pass)}.bad{color:var(--fail)}.muted{color:var(--muted)}code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--code);border-radius:4px}
code{padding:1px 4px}pre{padding:8px;white-space:pre-wrap;word-break:break-all;margin:4px 0}
.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:160px}.card b{font-size:18px}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.cell{cursor:pointer;text-align:center}td.pass{background:#dafbe1}td.fail{background:#ffebe9;color:var(--fail);font-weight:600}td.skip{background:#f6f8fa;color:var(--muted)}td.none{color:var(--skip)}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}select,input{font:inherit;padding:2px 4px}
.result{border-top:1px solid var(--line)}.result>button{all:unset;display:flex;gap:8px;width:100%;padding:4px 0;cursor:pointer}
.result>button:focus-visible{outline:2px solid #0969da}.state{font-weight:700;width:1.2em}.state.failed{color:var(--fail)}.state.passed{color:var(--pass)}.state.skipped{color:var(--skip)}
.detail{padding:4px 0 10px 24px}.violation{margin:6px 0;padding-left:8px;border-left:3px solid var(--fail)}.violation.warning{border-color:var(--warn)}
.kv{display:grid;grid-template-columns:90px 1fr;gap:2px 8px}.kv>span:nth-child(odd){color:var(--muted)}
.expected{color:var(--pass)}.actual{color:var(--fail)}del{background:#ffebe9;text-decoration:none}ins{background:#dafbe1;text-decoration:none}
details{margin:6px 0}summary{cursor:pointer}.more{margin:8px 0}
`;
