/**
 * The report page's style sheet: one layout for the screen, print (A4) and the PDF that Chromium
 * prints. Inlined in the served page; `style.css` in the static bundle. Fonts that render Japanese
 * come first (Debian's fonts-noto-cjk on the server that prints the PDF).
 */
export const REPORT_CSS = `
:root { --ink: #1f2328; --muted: #5b6470; --line: #d5dae1; --accent: #1d4e89; --soft: #eef3f9; --warn: #fff4d6; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', 'Segoe UI', sans-serif; font-size: 15px; line-height: 1.75; }
html[lang="en"] body { line-height: 1.6; }
main { max-width: 920px; margin: 0 auto; padding: 24px 28px 48px; }
a { color: var(--accent); }
.draft { background: var(--warn); border-bottom: 2px solid #e0b43a; padding: 10px 28px; font-weight: 700; text-align: center; }
.masthead { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; display: flex; justify-content: space-between; align-items: flex-end; gap: 16px; flex-wrap: wrap; }
.masthead h1 { margin: 0; font-size: 30px; line-height: 1.3; }
.masthead .subtitle { margin: 4px 0 0; color: var(--muted); }
.masthead .switch { font-size: 14px; white-space: nowrap; }
nav.toc { margin: 12px 0 20px; font-size: 14px; }
nav.toc ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; }
section { margin-top: 36px; }
h2 { font-size: 22px; border-left: 6px solid var(--accent); padding-left: 10px; margin: 0 0 14px; line-height: 1.4; }
h3 { font-size: 18px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); line-height: 1.4; }
h4 { font-size: 16px; margin: 18px 0 6px; }
p { margin: 0 0 10px; }
ul, ol { margin: 0 0 10px; padding-left: 1.5em; }
.block { margin-bottom: 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 12px 0 16px; padding: 0; list-style: none; }
.figures li { background: var(--soft); border-radius: 6px; padding: 10px 14px; }
.figures .name { display: block; color: var(--muted); font-size: 13px; line-height: 1.4; }
.figures .value { display: block; font-size: 22px; font-weight: 700; line-height: 1.3; }
.figure-link { color: inherit; text-decoration: underline dotted; text-underline-offset: 3px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
caption { text-align: left; font-weight: 700; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 6px 10px; vertical-align: top; }
thead th { background: var(--soft); text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: 700; background: #f7f8fa; }
.chart { margin: 8px 0 4px; }
.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.note { color: var(--muted); font-size: 13px; }
.lead { font-size: 16px; }
.tables { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; align-items: start; }
.goal { margin: 0 0 12px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 6px; }
.goal .text { font-weight: 700; }
.goal .meta { color: var(--muted); font-size: 14px; }
.mark { display: inline-block; min-width: 1.6em; text-align: center; font-weight: 700; color: #fff; background: var(--accent); border-radius: 4px; margin-right: 6px; font-size: 13px; line-height: 1.6; }
.status { display: inline-block; border-radius: 10px; padding: 0 10px; font-size: 13px; font-weight: 700; margin-left: 6px; background: #e5e8ec; }
.status-achieved { background: #d7f0dc; color: #17622a; }
.status-on_track { background: #dcebfb; color: #174e89; }
.status-behind, .status-not_achieved { background: #fde2df; color: #8a1f11; }
.restatement { border-left: 4px solid #e0b43a; padding-left: 10px; }
.missing { color: #8a1f11; font-style: italic; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
@media (max-width: 640px) { .tables { grid-template-columns: 1fr; } main { padding: 16px; } }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .switch, nav.toc { display: none; }
  a, .figure-link { color: inherit; text-decoration: none; }
  .draft { border: 2px solid #e0b43a; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, figure, .chart, .goal, .figures li, tr { break-inside: avoid; page-break-inside: avoid; }
  section { break-before: auto; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();
