"""The report's stylesheet, inlined into the page (no external fonts or files)."""

FONTS = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
         '"Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", "SimHei", "SimSun", '
         "system-ui, -apple-system, \"Segoe UI\", Arial, sans-serif")

CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #2f5d8a;
  --error: #b42318; --error-bg: #fdecea; --warning: #a15c07; --warning-bg: #fff4e0;
  --info: #2f5d8a; --info-bg: #eaf2fb; --undated: #9aa5b1; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 48px; color: var(--ink);
  font-family: FONTS; font-size: 14px; line-height: 1.6; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 4px; padding-top: 12px; border-top: 3px solid var(--accent); }
h3 { font-size: 16px; margin: 24px 0 8px; color: var(--accent); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.meta, .path, .note { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 22px; line-height: 1.3; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); }
.card.info b { color: var(--info); }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; vertical-align: top; text-align: left; }
thead th { background: #f0f4f8; white-space: nowrap; }
table.small { width: auto; min-width: 360px; }
td.num { text-align: right; white-space: nowrap; }
.tasks td:nth-child(1) { white-space: nowrap; width: 4em; }
.tasks td:nth-child(3), .tasks td:nth-child(4) { width: 12%; }
.tasks td:nth-child(5) { width: 10%; }
.tasks td:nth-child(6) { width: 22%; }
.tasks tr.heading td { background: #f7f9fb; font-weight: 600; color: var(--accent); }
tr.sev-error td { background: var(--error-bg); }
tr.sev-warning td { background: var(--warning-bg); }
tr:target td, li:target { outline: 2px solid var(--accent); }
.sub { display: block; color: var(--muted); font-size: 12px; }
.badge { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 12px;
  color: #fff; margin-right: 4px; white-space: nowrap; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
ul.found { margin: 0; padding: 0; list-style: none; }
ul.found li { margin: 0 0 3px; }
ol.findings { padding-left: 2.4em; }
ol.findings li { margin: 0 0 4px; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 36px; align-items: flex-start; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { font-family: FONTS; font-size: 12px; fill: var(--ink); }
svg.chart text.value { fill: var(--muted); }
svg.chart .bar rect, svg.chart .col.month rect { fill: var(--accent); }
svg.chart .col.outside rect { fill: #7b9cc0; }
svg.chart .bar.other rect { fill: var(--undated); }
svg.chart .col.undated rect { fill: var(--undated); }
svg.chart line.axis { stroke: var(--line); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-before: page; } section.plan:first-of-type h2 { break-before: auto; }
  thead { display: table-header-group; }
  tr, li, svg.chart, .cards { break-inside: avoid; }
  a { color: inherit; }
  nav.overview { display: none; }
}
""".replace("FONTS", FONTS)
