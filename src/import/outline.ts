/**
 * Blocks to the parts of a report: the title (and from it the organization and year), the
 * publication date the page states, the introduction, the sections, the national tables, the
 * signature and its date — and every part that has no place, kept where it stood.
 */

import { RUN_IN_END, type Block, type Unplaced } from './blocks.js';
import { rowRecords, type RowRecord } from './grid.js';
import { Outline, readHeading, type ImportedSection } from './headings.js';
import { dateLine, readDate } from './labels.js';
import { mapTable, type ImportedTable } from './national.js';
import { footerStart, isFurniture } from './footer.js';
import { plainTable } from './plain-table.js';
import { textRow } from './text-rows.js';
import { headerTable, ValueLines } from './value-lines.js';
import { findTitle, organizationElsewhere, range, TITLE_YEAR, type Inferred } from './title.js';
import type { TableDef } from '../tables/definitions.js';

/** A report as imported, before it is written as YAML. */
export interface ImportedReport {
  readonly title?: string;
  readonly organization?: string;
  /** The signer, when it is not the organization. */
  readonly signature?: string;
  readonly year?: number;
  readonly published?: string;
  readonly date?: string;
  readonly profile: string;
  /** Lines of the page about the report (发布日期…来源…), kept as comments. */
  readonly meta: readonly string[];
  readonly intro: readonly string[];
  readonly introNotes: readonly Unplaced[];
  readonly sections: readonly ImportedSection[];
  readonly tables: ReadonlyMap<string, ImportedTable>;
  readonly tableDefs: readonly TableDef[];
  /** What was taken from elsewhere than where a report says it (a title on two lines, the organization from the signature…). */
  readonly inferred: readonly Inferred[];
  /** Before the title (the page's navigation…) and after the signature (the site's footer too). */
  readonly before: readonly Unplaced[];
  readonly after: readonly Unplaced[];
}

/** What the outline needs besides the blocks: the profile to use, given the report's year, and its tables. */
export interface OutlineOptions {
  readonly profileFor: (year: number | undefined) => { readonly name: string; readonly tables: readonly TableDef[] };
}

const PUBLISHED = /发布(?:日期|时间)\s*[:：]?\s*(\d{4}\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2})/;
/** A line of the page about the report, under or above its title (发布时间… 来源… 浏览次数…). */
const isMeta = (text: string) => PUBLISHED.test(text) || (text.length <= 120 && /(?:来源|发布机构|发布单位|发文机关|浏览次数|访问量|阅读次数|点击数|字号)\s*[:：]/.test(text));

/** Reads the blocks of a source as a report. Pure. */
export function outlineReport(source: readonly Block[], options: OutlineOptions): ImportedReport {
  const pageTitle = source.find((b) => b.kind === 'page-title');
  const blocks = source.filter((b) => b.kind !== 'page-title');
  const found = findTitle(blocks);
  const titleAt = found.first;
  const title = found.title;
  const flat = title?.replace(/\n/g, '');
  const yearText = flat ? TITLE_YEAR.exec(flat)?.[1] : blocks.map((b) => (b.kind === 'text' ? /统计期限为\s*(\d{4})\s*年/.exec(b.text)?.[1] : undefined)).find(Boolean);
  const year = yearText ? Number(yearText) : undefined;
  const { name: profile, tables: defs } = options.profileFor(year);

  // The page's lines about the report (发布日期…) just before or after the title.
  const meta: string[] = [];
  let published: string | undefined;
  let start = found.last + 1;
  const metaAt = new Set<number>();
  for (const i of [...range(Math.max(0, titleAt - 3), titleAt), ...range(start, start + 3)]) {
    const b = blocks[i];
    if (!b || b.kind !== 'text' || b.chrome || !isMeta(b.text)) continue;
    const date = PUBLISHED.exec(b.text)?.[1];
    if (date) published ??= readDate(date);
    meta.push(b.text);
    metaAt.add(i);
    if (i === start) start++;
  }
  // Before the title: the page's navigation and the like, kept as comments.
  const before = range(0, Math.max(titleAt, 0)).filter((i) => !metaAt.has(i)).flatMap((i) => asUnplaced(blocks[i]!, 'before-title'));

  // The site's footer ends the report's text; the signature is looked for above it.
  const footer = footerStart(blocks, Math.max(start, 0), (text) => readHeading(text) !== undefined);
  // The signature: a date alone near the end, the signer just above it; anything after, noted.
  let end = footer;
  let date: string | undefined;
  let signer: string | undefined;
  for (let i = footer - 1; i >= start && i >= footer - 40; i--) {
    const b = blocks[i]!;
    const found = b.kind === 'text' ? dateLine(b.text) : undefined;
    if (!found) continue;
    date = found;
    end = i;
    const above = blocks[i - 1];
    if (above?.kind === 'text' && above.text.length <= 40 && !/[。；，：]$/.test(above.text) && i - 1 >= start) {
      signer = above.text;
      end = i - 1;
    }
    break;
  }
  const after = [
    ...blocks.slice(date ? end + (signer ? 2 : 1) : footer, footer).flatMap((b) => asUnplaced(b, 'after-signature')),
    ...blocks.slice(footer).flatMap((b) => asUnplaced(b, 'page-footer')),
  ];
  // A page often states the date it was published at the very end (发布日期：…).
  for (const u of after) published ??= u.kind === 'after-signature' || u.kind === 'page-footer' ? readDate(PUBLISHED.exec(u.detail)?.[1] ?? '') : undefined;

  const body = readBody(blocks.slice(Math.max(start, 0), end), defs);
  const fromTitle = flat && yearText ? flat.slice(0, flat.indexOf(yearText)).trim() : '';
  // The title may name the body short (宁川县…报告, signed 宁川县人民政府): the signer's full name then.
  const placeOnly = /(?:省|市|县|区|旗|州|盟|镇|乡|街道)$/.test(fromTitle);
  const inferred: Inferred[] = [...found.inferred];
  let organization = signer && (!fromTitle || (placeOnly && signer.startsWith(fromTitle) && signer.length > fromTitle.length)) ? signer : fromTitle || undefined;
  if (!fromTitle && signer) inferred.push({ field: 'organization', from: 'signature', value: signer, loc: blocks[end]!.loc });
  if (!organization) {
    const elsewhere = organizationElsewhere(blocks, pageTitle, found);
    if (elsewhere) inferred.push(elsewhere);
    organization = elsewhere?.value;
  }
  return {
    ...(title ? { title } : {}),
    ...(organization ? { organization } : {}),
    ...(signer && organization && signer !== organization ? { signature: signer } : {}),
    ...(year ? { year } : {}),
    ...(published ? { published } : {}),
    ...(date ? { date } : {}),
    profile,
    meta,
    inferred,
    ...body,
    tableDefs: defs,
    before,
    after,
  };
}

/** A block that has no place, as a note. */
function asUnplaced(block: Block, kind: 'before-title' | 'after-signature' | 'page-footer' | 'table'): Unplaced[] {
  if (block.kind === 'lost') return [{ kind: block.what, detail: block.detail, loc: block.loc }];
  if (block.kind === 'text') return [{ kind, detail: block.text, loc: block.loc }];
  if (block.kind === 'chart') return [{ kind: 'chart', detail: block.chart.title, loc: block.loc }];
  if (block.kind === 'page-title') return [];
  return block.rows.map((row, i) => ({ kind: 'table' as const, detail: row.map((c) => c.text).join(' | '), loc: block.rowLocs[i] ?? block.loc }));
}

/** The introduction, the sections and the national tables of the body. */
function readBody(blocks: readonly Block[], defs: readonly TableDef[]) {
  const outline = new Outline();
  const intro: string[] = [];
  const introNotes: Unplaced[] = [];
  const tables = new Map<string, ImportedTable>();
  const note = (items: Unplaced[]) => (outline.current?.notes ?? introNotes).push(...items);
  const into = (def: TableDef, records: readonly RowRecord[]) => {
    const { table } = mapTable(def, records, tables.get(def.key));
    tables.set(def.key, table);
  };
  // Rows of a copied table, one line each, read together so a group named once holds for the rows under it.
  let pending: { def: TableDef; records: RowRecord[] } | undefined;
  const endRows = () => {
    if (pending) into(pending.def, pending.records);
    pending = undefined;
  };

  const tableOf = (def: TableDef) => {
    const table = tables.get(def.key) ?? { key: def.key, cells: new Map(), notes: new Map() };
    tables.set(def.key, table);
    return table;
  };
  // Lines of numbers alone under a table's header lines (a copy from a PDF).
  const values = new ValueLines(into, tableOf);

  let previous: Block | undefined;
  for (const block of blocks) {
    const before = previous;
    previous = block;
    if (block.kind === 'page-title') continue;
    // The page's furniture inside the report (a share box, a menu) is no text of it.
    if (isFurniture(block)) {
      note(asUnplaced(block, 'page-footer'));
      continue;
    }
    if (block.kind === 'text' && values.take(block.text, block.loc)) continue;
    values.end();
    if (block.kind === 'text' && defs.length) {
      const row = textRow(defs, block.text, block.loc);
      values.header = row?.kind === 'label' ? row.table : undefined;
      if (row?.kind === 'run-together') {
        endRows();
        const table = tableOf(row.table);
        table.notes.set(row.row, [...(table.notes.get(row.row) ?? []), { kind: 'row-run-together', detail: block.text, loc: block.loc }]);
        continue;
      }
      if (row) {
        if (pending && pending.def !== row.table) endRows();
        pending ??= { def: row.table, records: [] };
        pending.records.push(row.record);
        continue;
      }
    }
    endRows();
    if (block.kind === 'lost') note(asUnplaced(block, 'table'));
    else if (block.kind === 'chart') {
      // A section draws one chart; one outside a section, or a second, has no place.
      if (outline.current && !outline.current.chart) outline.current.chart = block.chart;
      else note(asUnplaced(block, 'table'));
    } else if (block.kind === 'table') values.header = readTable(block, defs, into, outline.current, note);
    else {
      const heading = readHeading(block.text, block.runIn);
      if (heading && outline.add(heading, block.loc)) continue;
      const text = block.text.replace(RUN_IN_END, '');
      // 注：… right under a table of the section is that table's note.
      const last = outline.current?.tables.at(-1);
      if (last && !last.note && before?.kind === 'table' && /^注[:：]/.test(text)) last.note = text;
      else (outline.current?.paragraphs ?? intro).push(text);
    }
  }
  values.end();
  endRows();
  return { intro, introNotes, sections: outline.sections, tables };
}

/** A source table: one of the format's, a plain table of its section, or a note. */
/** Returns the table of the format whose header rows it was alone, if so. */
function readTable(block: Extract<Block, { kind: 'table' }>, defs: readonly TableDef[], into: (def: TableDef, records: readonly RowRecord[]) => void, section: ImportedSection | undefined, note: (items: Unplaced[]) => void): TableDef | undefined {
  // A table copied as text lost its merges: its headers no longer stand above their columns.
  const records = rowRecords(block.rows, block.rowLocs, !block.copied);
  // One of the format's tables: its values placed by their labels, and not outnumbered by rows of other labels.
  const best = defs.map((def) => ({ def, ...mapTable(def, records) })).sort((a, b) => b.placed - a.placed)[0];
  if (best && best.placed > 0 && (best.unknown === 0 || (best.placed >= 2 && best.placed > best.unknown))) return void into(best.def, records);
  // Header rows of one alone (a copy puts a table's header lines apart from its rows).
  const header = headerTable(defs, block.rows.flat().map((c) => c.text).filter(Boolean));
  if (header) return header;
  const plain = plainTable(block);
  if (plain && section) return void section.tables.push(plain);
  note(asUnplaced(block, 'table'));
  return undefined;
}
