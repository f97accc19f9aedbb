/**
 * The index page's style and its one small script, and the content security policy that allows
 * exactly these two (by their hashes) and nothing else. The script only sorts and filters rows
 * that are already in the page: without it the table is complete, in file order.
 */

import { createHash } from 'node:crypto';

/** The page's style sheet. */
export const SITE_CSS = `
:root { color-scheme: light; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1b1b1b; background: #fff; line-height: 1.6; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
.summary { margin: 0 0 1rem; }
.filter { margin: 0 0 0.75rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.filter label { font-weight: bold; }
.filter input { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #595959; border-radius: 3px; min-width: 16rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.4rem; }
th, td { border-bottom: 1px solid #c8c8c8; padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1b1b1b; white-space: nowrap; }
tbody th { font-weight: normal; }
th.number, td.number { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
/* The arrows are drawn, not read: aria-sort says the order. */
th button::after { content: " ↕" / ""; color: #595959; }
th[aria-sort="ascending"] button::after { content: " ↑" / ""; color: inherit; }
th[aria-sort="descending"] button::after { content: " ↓" / ""; color: inherit; }
a { color: #0b4f9c; }
a:focus-visible, button:focus-visible, input:focus-visible, .table-wrap:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.size, .problems, .hint, footer { color: #4a4a4a; font-size: 0.9em; }
.size { white-space: nowrap; }
.status-errors, .status-failed { color: #a30000; font-weight: bold; }
.status-warnings { color: #7a4100; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem 2rem; }
[hidden] { display: none !important; }
`;

/**
 * Sorting by a column (its header becomes a button; aria-sort says the order) and filtering by
 * a text (rows that do not contain it are hidden; a live region says how many are shown).
 */
export const SITE_SCRIPT = `
(() => {
  const table = document.getElementById('reports');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  const valueOf = (row, i) => row.cells[i].dataset.sort ?? row.cells[i].textContent.trim();
  for (const th of table.querySelectorAll('thead th[data-sort-as]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.querySelectorAll('thead th[aria-sort]')) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const i = th.cellIndex;
      const numeric = th.dataset.sortAs === 'number';
      const order = rows.slice().sort((a, b) => {
        const x = valueOf(a, i), y = valueOf(b, i);
        const d = numeric ? (x === '' ? -1 : Number(x)) - (y === '' ? -1 : Number(y)) : collator.compare(x, y);
        return (ascending ? d : -d) || rows.indexOf(a) - rows.indexOf(b);
      });
      body.append(...order);
    });
  }
  document.getElementById('sort-hint')?.removeAttribute('hidden');
  table.setAttribute('aria-describedby', 'sort-hint');
  const form = document.getElementById('filter');
  const input = document.getElementById('filter-text');
  const count = document.getElementById('shown');
  if (!form || !input || !count) return;
  const apply = () => {
    const wanted = input.value.trim().toLocaleLowerCase();
    let shown = 0;
    for (const row of rows) {
      row.hidden = wanted !== '' && !row.dataset.search.includes(wanted);
      if (!row.hidden) shown++;
    }
    count.textContent = count.dataset.template.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
  };
  input.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's policy: its own style and script (by hash), nothing fetched, no other script. */
export const SITE_CSP = `default-src 'none'; style-src ${sha256(SITE_CSS)}; script-src ${sha256(SITE_SCRIPT)}; form-action 'none'; base-uri 'none'`;
