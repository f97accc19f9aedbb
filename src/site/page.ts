/**
 * The site's index page: every report in one accessible table — a caption, column headers with
 * scope, the organization as each row's header, links to the web page and the PDF with their
 * sizes — that sorts and filters in the browser from the file system. Pure.
 */

import Handlebars from 'handlebars';
import { inLanguage, type Lang } from '../messages/lang.js';
import { siteText, type SiteCounts } from '../messages/site.js';
import { SITE_CSP, SITE_CSS, SITE_SCRIPT } from './assets.js';
import type { SiteEntry } from './entries.js';

/** An entry as the site holds it: a link only to a file that is in the site, with its size. */
export interface SiteRow extends SiteEntry {
  readonly htmlBytes?: number;
  readonly pdfBytes?: number;
}

const esc = Handlebars.Utils.escapeExpression;
const STATUS_ORDER = { built: 0, warnings: 1, errors: 2, failed: 3 } as const;

/** How many rows there are, by status. */
export function countRows(rows: readonly SiteEntry[]): SiteCounts {
  const n = (status: SiteEntry['status']) => rows.filter((r) => r.status === status).length;
  return { total: rows.length, built: n('built'), warnings: n('warnings'), errors: n('errors'), failed: n('failed') };
}

/** 1234567 → "1.2 MB"; 45678 → "45 KB" (units of 1024, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A relative link to a path below the site (each segment escaped for a URL). */
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The index page as HTML. The page's language is `lang`; the reports' own words are marked zh-CN. */
export function renderSiteIndex(rows: readonly SiteRow[], options: { readonly lang: Lang; readonly version: string }): string {
  const t = inLanguage(siteText, options.lang);
  const zh = options.lang === 'zh-CN' ? '' : ' lang="zh-CN"';
  const c = t.columns;
  const header = [
    `<th scope="col" data-sort-as="text">${c.organization}</th>`,
    `<th scope="col" class="number" data-sort-as="number">${c.year}</th>`,
    `<th scope="col" data-sort-as="text" aria-sort="ascending">${c.file}</th>`,
    `<th scope="col" data-sort-as="number">${c.status}</th>`,
    `<th scope="col" class="number" data-sort-as="number">${c.html}</th>`,
    `<th scope="col" class="number" data-sort-as="number">${c.pdf}</th>`,
  ].join('');
  const link = (path: string | undefined, bytes: number | undefined, text: string, about: string) =>
    path === undefined || bytes === undefined
      ? `<td class="number" data-sort=""><span aria-hidden="true">—</span><span class="visually-hidden">${esc(t.notBuilt)}</span></td>`
      : `<td class="number" data-sort="${bytes}"><a href="${esc(href(path))}">${esc(text)}<span class="visually-hidden"${zh}>${esc(t.linkOf(about))}</span></a> <span class="size">${formatSize(bytes)}</span></td>`;
  const body = rows
    .map((r) => {
      const organization = r.organization ?? r.title;
      const about = [organization ?? r.name, r.year].filter((x) => x !== undefined).join(' ');
      const search = [r.organization, r.title, r.name].filter(Boolean).join(' ').toLowerCase();
      const codes = r.errorCodes.length > 3 ? [...r.errorCodes.slice(0, 3), '…'] : r.errorCodes;
      const problems = t.problems(r.errors, r.warnings, codes);
      return [
        `<tr data-search="${esc(search)}">`,
        organization ? `<th scope="row"${zh}>${esc(organization)}</th>` : `<th scope="row">${esc(t.untitled)}</th>`,
        `<td class="number" data-sort="${r.year ?? ''}">${r.year ?? ''}</td>`,
        `<td><code>${esc(r.name)}</code></td>`,
        `<td data-sort="${STATUS_ORDER[r.status]}"><span class="status-${r.status}">${esc(t.status[r.status])}</span>${problems ? `<br><span class="problems">${esc(problems)}</span>` : ''}</td>`,
        link(r.html, r.htmlBytes, c.html, about),
        link(r.pdf, r.pdfBytes, c.pdf, about),
        '</tr>',
      ].join('');
    })
    .join('\n');
  const total = rows.length;
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">
<meta name="generator" content="nianbao ${esc(options.version)}">
<title>${esc(t.title)}</title>
<style>${SITE_CSS}</style>
</head>
<body>
<main>
<h1>${esc(t.title)}</h1>
<p class="summary">${esc(t.summary(countRows(rows)))}</p>
<form id="filter" class="filter" role="search" hidden>
<label for="filter-text">${esc(t.filterLabel)}</label>
<input id="filter-text" type="search" autocomplete="off" aria-controls="reports">
<span id="shown" role="status" data-template="${esc(t.shown)}">${esc(t.shown.replace('{shown}', String(total)).replace('{total}', String(total)))}</span>
</form>
<p id="sort-hint" class="hint" hidden>${esc(t.sortHint)}</p>
${
  total === 0
    ? `<p>${esc(t.empty)}</p>`
    : `<div class="table-wrap" role="region" aria-labelledby="reports-caption" tabindex="0">
<table id="reports">
<caption id="reports-caption">${esc(t.caption)}</caption>
<thead><tr>${header}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`
}
</main>
<footer><p>${esc(t.generator(options.version))}</p></footer>
<script>${SITE_SCRIPT}</script>
</body>
</html>
`;
}
