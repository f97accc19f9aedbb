/**
 * A section's chart (`chart:`): bars drawn from a table's rows or from named figures, optionally
 * beside last year's. This stage only resolves what each bar stands for; drawing is render's.
 *
 *   chart:
 *     title: 政府信息公开申请办理结果
 *     of: tables.requests.results      # each row of a group, in its 总计 column
 *     previous: true                   # last year's bar beside each
 *
 *   chart:
 *     title: 主动公开
 *     bars:
 *       - { label: 行政许可, value: tables.active.licensing }
 *       - { label: 政策解读, value: figures.interpretations }
 */

import { isObj } from '../source/record.js';
import { diagnosticAt } from '../source/source.js';
import { findRow, type RowDef } from '../tables/definitions.js';
import { unitAt } from '../tables/lookup.js';
import { valueOf, type Context } from './references.js';

/** One bar: what it counts, this year's value and, when compared, last year's. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly previous?: number;
}

/** More bars than this do not read as a chart (and would not fit a page). */
const MAX_BARS = 24;

/** A chart ready to draw. */
export interface Chart {
  readonly title: string;
  readonly unit: string;
  readonly year: number;
  readonly bars: readonly Bar[];
  /** Bars carry last year's values too. */
  readonly compared: boolean;
  /** For screen readers; the values in words when the report gives none. */
  readonly description?: string;
}

/** Reads a section's `chart` at `pointer`; what names nothing is reported (NB4006). */
export function readChart(ctx: Context, value: unknown, pointer: string, heading: string): Chart | undefined {
  if (!isObj(value)) return undefined;
  const at = (p: string) => ctx.spans.get(p)?.start ?? ctx.spans.get(pointer)?.start;
  const wrong = (p: string, found: string, reason: string) => {
    ctx.diagnostics.push(diagnosticAt(ctx.source, at(p), 'NB4006', 'error', { found, reason }, p));
  };
  const compared = value.previous === true;
  // Bars that give last year's value themselves (bars: [{ label, value, previous }]) need no last year's report.
  const ownPrevious = Array.isArray(value.bars) && value.bars.every((b) => isObj(b) && typeof b.previous === 'number');
  if (compared && !ownPrevious && 'missing' in ctx.previous) {
    ctx.diagnostics.push(diagnosticAt(ctx.source, at(`${pointer}/previous`), 'NB4004', 'error', { found: 'chart.previous', missing: ctx.previous.missing }, `${pointer}/previous`));
    return undefined;
  }
  if (typeof value.of === 'string' && value.bars !== undefined) return wrong(pointer, 'chart', 'both'), undefined;
  const targets: { label: string; target: string | number; previous?: string | number; at: string }[] = [];
  if (typeof value.of === 'string') {
    const rows = groupRows(ctx, value.of);
    if (!rows) return wrong(`${pointer}/of`, value.of, 'of'), undefined;
    targets.push(...rows.map((r) => ({ ...r, at: `${pointer}/of` })));
  }
  if (Array.isArray(value.bars)) {
    value.bars.forEach((bar, i) => {
      if (isObj(bar) && typeof bar.label === 'string' && (typeof bar.value === 'string' || typeof bar.value === 'number')) {
        const previous = typeof bar.previous === 'number' || typeof bar.previous === 'string' ? { previous: bar.previous } : {};
        targets.push({ label: bar.label, target: bar.value, ...previous, at: `${pointer}/bars/${i}/value` });
      }
    });
  }
  if (targets.length > MAX_BARS) return wrong(pointer, String(targets.length), 'many'), undefined;
  const bars: Bar[] = [];
  for (const t of targets) {
    // A number typed as the value is drawn as it is; beside last year's only when that is given too.
    if (typeof t.target === 'number' && compared && t.previous === undefined) return wrong(t.at, String(t.target), 'literal'), undefined;
    const now = typeof t.target === 'number' ? t.target : valueOf(ctx, t.target);
    const lastYear = t.previous ?? `previous.${t.target}`;
    const before = !compared ? undefined : typeof lastYear === 'number' ? lastYear : valueOf(ctx, lastYear.startsWith('previous.') ? lastYear : `previous.${lastYear}`);
    if (typeof now !== 'number' || !Number.isFinite(now) || now < 0) return wrong(t.at, String(t.target), 'value'), undefined;
    if (compared && (typeof before !== 'number' || before < 0)) return wrong(t.at, String(t.target), 'previous'), undefined;
    bars.push({ label: t.label, value: now, ...(compared ? { previous: before as number } : {}) });
  }
  if (!bars.length) return wrong(pointer, 'chart', 'empty'), undefined;
  const first = String(targets[0]!.target);
  const unit = typeof value.unit === 'string' ? value.unit : first.startsWith('tables.') ? unitAt(ctx.tables.defs, first.slice('tables.'.length)) : '';
  const description = typeof value.description === 'string' ? { description: value.description } : {};
  return { title: typeof value.title === 'string' ? value.title : heading, unit, year: ctx.year, bars, compared, ...description };
}

/**
 * The rows of a group as bars: `tables.requests.results` gives （一）予以公开 … （六）其他处理 in
 * the 总计 column (or the column named last: `tables.requests.results.natural`).
 */
function groupRows(ctx: Context, path: string): { label: string; target: string }[] | undefined {
  const [prefix, tableKey, ...rest] = path.split('.');
  const def = ctx.tables.defs.find((d) => d.key === tableKey);
  if (prefix !== 'tables' || !def) return undefined;
  const named = findRow(def.rows, rest.join('.'));
  const group = named?.rows ? named : findRow(def.rows, rest.slice(0, -1).join('.'));
  const column = group === named ? def.columns.find((c) => c.sum)?.key : rest[rest.length - 1];
  if (!group?.rows || !column || !def.columns.some((c) => c.key === column)) return undefined;
  return group.rows.filter((r: RowDef) => !r.sum).map((r) => ({ label: shortLabel(r.label), target: `tables.${def.key}.${r.path}.${column}` }));
}

/** （二）部分公开（区分处理的，只计这一情形，不计其他情形） → 部分公开. */
export function shortLabel(label: string): string {
  return label.replace(/^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])/u, '').replace(/[（(][^）)]*[）)]$/u, '').trim();
}
