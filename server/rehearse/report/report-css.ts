/** The inline stylesheet of index.html: the sandbox's colours, and what the workflow diagrams need. */
import { readFileSync } from 'node:fs';

/** The same diagram rules as the sandbox's admin pages. */
const WORKFLOW_DIAGRAM_CSS = readFileSync(new URL('../../http/ui/assets/workflow-diagram.css', import.meta.url), 'utf8');

export const REPORT_CSS = `
:root { --ink:#172b4d; --muted:#5e6c84; --line:#dfe1e6; --bg:#f4f5f7; --link:#0052cc;
  --todo-bg:#dfe1e6; --todo-ink:#42526e; --prog-bg:#deebff; --prog-ink:#0747a6; --done-bg:#e3fcef; --done-ink:#006644;
  --error:#de350b; --error-bg:#ffebe6; --warn-bg:#fffae6; --warn-line:#ff991f; --ok:#006644; --ok-bg:#e3fcef; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
a { color: var(--link); }
h1 { font-size: 24px; font-weight: 500; margin: 8px 0; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg); border-radius: 3px; }
code { padding: 1px 4px; }
pre { margin: 0; padding: 4px 6px; white-space: pre-wrap; word-break: break-word; max-height: 16em; overflow: auto; }
.muted { color: var(--muted); } .none { color: var(--muted); font-style: italic; }
.verdict { padding: 12px 16px; border-radius: 4px; border-left: 6px solid; }
.verdict.ok { background: var(--ok-bg); border-color: var(--ok); }
.verdict.fail { background: var(--error-bg); border-color: var(--error); }
.verdict p { margin: 4px 0 0; }
table { border-collapse: collapse; margin: 6px 0 12px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--bg); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.ok-mark { color: var(--ok); font-weight: 700; } .fail-mark { color: var(--error); font-weight: 700; }
.sev-error { color: var(--error); font-weight: 700; } .sev-warning { color: #974f0c; font-weight: 700; }
.irreversible { background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: 8px 12px; }
.migration { border-top: 2px solid var(--line); margin-top: 24px; }
.impact { display: flex; gap: 24px; flex-wrap: wrap; }
.diagrams { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
.diagrams figure { margin: 0; overflow-x: auto; max-width: 100%; }
.diagrams figcaption { font-weight: 600; margin-bottom: 4px; }
ul.changes { font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.workflow-diagram { display: block; }
${WORKFLOW_DIAGRAM_CSS}`;
