/**
 * Handlebars helpers that let a profile's table partials lay out the official grid while
 * labels and values come from the profile's tables.yaml and the report: one source for each.
 */

import Handlebars from 'handlebars';
import { dataRows, findRow, type TableDef } from '../tables/definitions.js';
import { SINGLE, type TableValues } from '../tables/cells.js';
import { breakableHtml } from './breaks.js';

const { escapeExpression } = Handlebars.Utils;

/** How a cell value prints: counts as integers, amounts as typed (e.g. 1.25). */
function formatValue(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * Registers `column`, `label`, `cell`, `cells`, `rowspan`, `rowsOf` and `columnsOf` on a Handlebars
 * instance. Values are read from the template data's `tables` (table key → TableValues).
 */
export function registerTableHelpers(hb: typeof Handlebars, defs: readonly TableDef[]): void {
  const table = (key: unknown): TableDef => {
    const def = defs.find((d) => d.key === key);
    if (!def) throw new Error(`template names unknown table ${String(key)}`);
    return def;
  };
  const row = (def: TableDef, path: unknown) => {
    const r = findRow(def.rows, String(path));
    if (!r) throw new Error(`template names unknown row ${def.key}.${String(path)}`);
    return r;
  };
  const valuesOf = (options: Handlebars.HelperOptions, key: string): TableValues | undefined =>
    (options.data?.root?.tables as Record<string, TableValues> | undefined)?.[key];
  const cellsHtml = (def: TableDef, path: string, values: TableValues | undefined, colspan?: number): string => {
    const r = row(def, path);
    const rowValues = values?.get(r.path);
    if (r.single) return `<td${colspan ? ` colspan="${colspan}"` : ''}>${escapeExpression(formatValue(rowValues?.get(SINGLE)))}</td>`;
    return r.columns.map((c) => `<td>${escapeExpression(formatValue(rowValues?.get(c)))}</td>`).join('');
  };

  // Labels break only between words (breaks.ts); the table's CSS keeps words whole.
  const words = (text: string) => new hb.SafeString(breakableHtml(text));
  hb.registerHelper('column', (key: unknown, col: unknown) => words(table(key).columns.find((c) => c.key === col)?.label ?? ''));
  hb.registerHelper('columnsOf', (key: unknown) => table(key).columns.map((c) => words(c.label)));
  hb.registerHelper('label', (key: unknown, path: unknown) => words(row(table(key), path).label));
  hb.registerHelper('rowspan', (key: unknown, path: unknown) => {
    const r = row(table(key), path);
    return r.rows ? dataRows(r.rows).length : 1;
  });
  hb.registerHelper('cell', function (key: unknown, path: unknown, col: unknown, options: Handlebars.HelperOptions) {
    const def = table(key);
    const r = row(def, path);
    return formatValue(valuesOf(options, def.key)?.get(r.path)?.get(r.single ? SINGLE : String(col)));
  });
  hb.registerHelper('cells', function (key: unknown, path: unknown, ...rest: unknown[]) {
    const options = rest[rest.length - 1] as Handlebars.HelperOptions;
    const colspan = typeof rest[0] === 'number' ? rest[0] : undefined;
    const def = table(key);
    return new hb.SafeString(cellsHtml(def, String(path), valuesOf(options, def.key), colspan));
  });
  // The data rows of one or more groups, each knowing whether it opens its group.
  hb.registerHelper('rowsOf', function (key: unknown, ...rest: unknown[]) {
    const options = rest.pop() as Handlebars.HelperOptions;
    const def = table(key);
    const values = valuesOf(options, def.key);
    return rest.flatMap((groupPath) => {
      const group = row(def, groupPath);
      const members = group.rows ? dataRows(group.rows) : [group];
      return members.map((member, i) => ({
        first: i === 0,
        count: members.length,
        groupLabel: words(group.label),
        rowLabel: words(member.label),
        rowCells: new hb.SafeString(cellsHtml(def, member.path, values, 1)),
      }));
    });
  });
}
