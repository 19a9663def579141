/** The form page's CSS: screen layout, and the print view of 様式1 on A4. */
export const PAGE_CSS = `
:root { --line: #c8ccd2; --err: #b3261e; --warn: #8a5a00; --ok: #1b6e2a; --accent: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; font-size: 14px; color: #1f2328; background: #f6f7f9; }
.page-header { padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); }
.page-header h1 { font-size: 20px; margin: 0 0 4px; }
.lead { margin: 0 0 8px; color: #444; }
.notice { color: var(--warn); }
.toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
button, .button { font: inherit; padding: 5px 12px; border: 1px solid #8c959f; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover, .button:hover { background: #eef2f7; }
#download { background: var(--accent); color: #fff; border-color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
#toast { color: var(--ok); }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 16px; padding: 16px 20px; align-items: start; }
#form { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px 16px; }
.side { position: sticky; top: 8px; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; max-height: calc(100vh - 16px); overflow: auto; }
.side h2 { font-size: 16px; margin: 4px 0 8px; }
#status { font-weight: bold; padding: 6px 8px; border-radius: 4px; }
#status.ok { color: var(--ok); background: #e8f5ea; }
#status.error { color: var(--err); background: #fdecea; }
#issues { list-style: none; padding: 0; margin: 8px 0; }
.issue { border-left: 4px solid var(--err); padding: 4px 8px; margin: 4px 0; background: #fff8f7; cursor: pointer; display: grid; gap: 2px; }
.issue.warning { border-color: var(--warn); background: #fffaf0; }
.issue .badge { font-weight: bold; }
.issue .field { font-family: monospace; color: #555; }
.issue .fix { color: #333; }
.tabs { display: flex; gap: 4px; margin-top: 12px; border-bottom: 1px solid var(--line); }
.tabs button { border-bottom: none; border-radius: 4px 4px 0 0; }
.tabs button[aria-selected="true"] { background: #eef2f7; font-weight: bold; }
.pane { border: 1px solid var(--line); border-top: none; padding: 8px; overflow: auto; max-height: 60vh; background: #fff; }
pre.pane { font-size: 12px; white-space: pre; margin: 0; }
.markdown table, #print-preview table, #print-view table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 12px; }
.markdown th, .markdown td, #print-preview th, #print-preview td, #print-view th, #print-view td { border: 1px solid #999; padding: 2px 4px; text-align: left; vertical-align: top; }
.markdown th, #print-preview th, #print-view th { background: #f0f2f5; }
.markdown h1 { font-size: 16px; } .markdown h2 { font-size: 14px; } .markdown h3 { font-size: 13px; }
#form h3, #form h4 { margin: 10px 0 4px; }
#form label { font-weight: bold; }
#form .je-object__container, #form [data-schematype="object"] > div { margin-left: 0; }
#form p, #form .je-desc { color: #57606a; font-size: 12px; margin: 2px 0 6px; }
#form input[type="text"], #form input:not([type]), #form input[type="number"], #form input[type="email"], #form select, #form textarea { font: inherit; padding: 4px 6px; border: 1px solid #8c959f; border-radius: 3px; min-width: 16em; }
#form .errmsg, #form .je-error, #form [class*="error"] { color: var(--err); }
#print-view { display: none; }
#print-view .form-no, #print-preview .form-no { margin: 0; }
#print-view h1, #print-preview h1 { text-align: center; font-size: 18px; margin: 4px 0 12px; }
#print-view .date, #print-preview .date, #print-view .from, #print-preview .from { text-align: right; margin: 2px 0; }
#print-view h2, #print-preview h2 { font-size: 13px; margin: 10px 0 2px; }
#print-view .note, #print-preview .note { font-size: 10px; color: #555; }
@page { size: A4 portrait; margin: 15mm 15mm 15mm 15mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  body > header, body > main { display: none !important; }
  #print-view { display: block; }
  #print-view table { font-size: 9pt; page-break-inside: auto; }
  #print-view tr { page-break-inside: avoid; }
  #print-view h2 { page-break-after: avoid; }
}
`;
