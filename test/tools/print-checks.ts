/**
 * What a reviewer would send back about a printed report's tables, measured from the PDF
 * (pdf-measure.ts): small or turned type, a label that leaves one character alone on its last
 * line, a page left largely blank before a table goes on, a block's heading row alone at the
 * bottom of a page.
 */

import type { Run } from './pdf-measure.js';

/** GB/T 9704: the type area starts 37 mm from the top and is 225 mm high. */
const TYPE_AREA_BOTTOM = 37 + 225;

export interface TableFindings {
  readonly smallest: number;
  readonly rotated: readonly string[];
  /** Runs of one character that end a label broken over lines: `page: previous line / char`. */
  readonly lonely: readonly string[];
  /** Pages left blank at the bottom (mm) where a table goes on over the page. */
  readonly blankBeforeContinuation: readonly { page: number; blank: number }[];
  /** A block heading (第二十条第（X）项, 信息内容) as the last row of a page. */
  readonly strandedHeadings: readonly string[];
}

const BLOCK_HEADING = /^第二十条第（.+）项$|^信息内容$/u;

export function tableFindings(runs: readonly Run[], verticalLabel = '三、本年度办理结果'): TableFindings {
  const table = runs.filter((r) => r.inTable);
  const smallest = Math.min(...table.map((r) => r.size));
  const rotated = table.filter((r) => r.rotated).map((r) => `${r.page}: ${r.text}`);

  // A vertical label set upright is one character a line by design: leave its column out.
  const upright = new Set<Run>();
  for (const page of new Set(table.map((r) => r.page))) {
    const on = table.filter((r) => r.page === page);
    const left = Math.min(...on.map((r) => r.x));
    for (const r of on) if (r.x - left < 3 && [...r.text].length === 1 && verticalLabel.includes(r.text)) upright.add(r);
  }
  const lonely: string[] = [];
  table.forEach((r, i) => {
    if (upright.has(r) || [...r.text.trim()].length !== 1 || /[\d.]/.test(r.text)) return;
    // The line above in the same cell: just above, overlapping horizontally.
    const above = table.slice(0, i).reverse().find((p) => p.page === r.page && !upright.has(p) && r.top - p.top > 2 && r.top - p.top < 6 && p.x < r.x + r.width && r.x < p.x + p.width);
    if (above && !/[\d]/.test(above.text)) lonely.push(`${r.page}: ${above.text} / ${r.text}`);
  });

  const pages = [...new Set(runs.map((r) => r.page))].sort((a, b) => a - b);
  const blankBeforeContinuation: { page: number; blank: number }[] = [];
  const strandedHeadings: string[] = [];
  for (const page of pages) {
    const on = runs.filter((r) => r.page === page);
    const next = runs.filter((r) => r.page === page + 1);
    const lastOnPage = on.reduce((a, b) => (b.top + b.height > a.top + a.height ? b : a), on[0]!);
    const nextFirst = next.reduce<Run | undefined>((a, b) => (!a || b.top < a.top ? b : a), undefined);
    // A table goes on over the page: the next page starts inside a table.
    if (nextFirst?.inTable) {
      const bottom = Math.max(...on.filter((r) => r.top < TYPE_AREA_BOTTOM).map((r) => r.top + r.height));
      blankBeforeContinuation.push({ page, blank: Math.round((TYPE_AREA_BOTTOM - bottom) * 10) / 10 });
    }
    const lastRow = on.filter((r) => r.inTable && Math.abs(r.top - lastOnPage.top) < 1);
    if (lastOnPage.inTable && lastRow.every((r) => BLOCK_HEADING.test(r.text) || !/\d/.test(r.text)) && lastRow.some((r) => BLOCK_HEADING.test(r.text))) {
      strandedHeadings.push(`${page}: ${lastRow.map((r) => r.text).join(' ')}`);
    }
  }
  return { smallest, rotated, lonely, blankBeforeContinuation, strandedHeadings };
}
