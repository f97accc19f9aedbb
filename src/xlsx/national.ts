/**
 * What the national format prints around a table that tables.yaml does not say (spec §2.3–2.5):
 * table 二's blocks for the items of 第二十条, table 三's header over the applicants, table 四's
 * 行政复议 / 行政诉讼 groups. The same words the HTML partials print. Each applies only when the
 * table has the rows and columns it names; another table gets a plain grid.
 */

import { findRow, type TableDef } from '../tables/definitions.js';

/** A header cell over other header cells, or a leaf: one value column (of every data row, or of one row). */
export type HeaderNode =
  | { readonly text: string; readonly children: readonly HeaderNode[] }
  | { readonly text: string; readonly column: string; readonly path?: string };

/** A block of table 二: the item of 第二十条 it reports, its rows, and the header of one-value rows. */
export interface Block {
  readonly item: string;
  readonly rows: readonly string[];
  readonly header?: string;
}

const DECISIONS = '本年处理决定数量';

const ACTIVE_2021: readonly Block[] = [
  { item: '第二十条第（一）项', rows: ['rules', 'normative'] },
  { item: '第二十条第（五）项', rows: ['licensing'], header: DECISIONS },
  { item: '第二十条第（六）项', rows: ['penalty', 'enforcement'], header: DECISIONS },
  { item: '第二十条第（八）项', rows: ['fees'], header: '本年收费金额（单位：万元）' },
];

const ACTIVE_2019: readonly Block[] = [
  { item: '第二十条第（一）项', rows: ['rules', 'normative'] },
  { item: '第二十条第（五）项', rows: ['licensing', 'other_services'] },
  { item: '第二十条第（六）项', rows: ['penalty', 'enforcement'] },
  { item: '第二十条第（八）项', rows: ['fees'] },
  { item: '第二十条第（九）项', rows: ['procurement'] },
];

/** The column header of every block of table 二. */
export const CONTENT_HEADER = '信息内容';

/** Table 二's blocks, when `def` is table 二 of the 2021 or the 2019 format. */
export function activeBlocks(def: TableDef): readonly Block[] | undefined {
  const keys = def.rows.map((r) => r.key).sort().join();
  return [ACTIVE_2021, ACTIVE_2019].find((blocks) => blocks.flatMap((b) => b.rows).sort().join() === keys && def.rows.every((r) => !r.rows));
}

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];
const ORGANIZATIONS = APPLICANTS.slice(1, 6);

/** Table 三's header: 申请人情况 over 自然人, 法人或其他组织 (its five kinds) and 总计. */
export function requestsHeader(def: TableDef): HeaderNode[] | undefined {
  if (def.columns.map((c) => c.key).join() !== APPLICANTS.join()) return undefined;
  const leaf = (key: string): HeaderNode => ({ text: def.columns.find((c) => c.key === key)!.label, column: key });
  return [
    {
      text: '申请人情况',
      children: [leaf('natural'), { text: '法人或其他组织', children: ORGANIZATIONS.map(leaf) }, leaf('total')],
    },
  ];
}

/** The corner of table 三, where the format prints its identity. */
export function cornerText(def: TableDef): string {
  const identity = def.identities[0];
  return identity ? `（本列数据的勾稽关系为：${identity.label}）` : '';
}

const REVIEW_ROWS = ['reconsideration', 'litigation_direct', 'litigation_after_review'];

/**
 * Table 四 as the format prints it: no row labels, one data row; 行政复议 over its five columns,
 * 行政诉讼 over 未经复议直接起诉 and 复议后起诉, five columns each.
 */
export function reviewHeader(def: TableDef): HeaderNode[] | undefined {
  if (def.rows.map((r) => r.key).join() !== REVIEW_ROWS.join() || def.rows.some((r) => r.rows || r.single)) return undefined;
  const block = (path: string): HeaderNode => ({
    text: findRow(def.rows, path)!.label,
    children: def.columns.map((c) => ({ text: c.label, column: c.key, path })),
  });
  return [block('reconsideration'), { text: '行政诉讼', children: [block('litigation_direct'), block('litigation_after_review')] }];
}

/** Chinese numerals of the sections that hold the tables: the first table is in section 二. */
const SECTION_NUMERALS = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `表三` for the second table: the format's numbering, by the section a table is in. */
export function sheetName(index: number): string {
  return `表${SECTION_NUMERALS[index] ?? String(index + 2)}`;
}

/** `三、收到和处理政府信息公开申请情况`: the heading the format prints above the table. */
export function sheetTitle(index: number, def: TableDef): string {
  return `${SECTION_NUMERALS[index] ?? String(index + 2)}、${def.title}`;
}
