/**
 * What every importer reads a source into: a flat list of blocks in reading order — a
 * paragraph of text, a table with its merged cells, or something that has no place in a report
 * file (an image, an attachment) — each with where it stands in the source.
 */

/** Where a block stands: the line of an HTML or text file, or the paragraph / table of a Word document (1-based). */
export interface Loc {
  readonly line?: number;
  readonly paragraph?: number;
  readonly table?: number;
}

/** One cell of a source table, as written (a merged cell once, with its spans). */
export interface SourceCell {
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
}

/** What an importer could not turn into text or a table. */
export type LostKind = 'image' | 'attachment' | 'object';

/** One block of a source document. */
export type Block =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly loc: Loc;
      /** The heading and its text were one unit in the source (nianbao's own run-in markup). */
      readonly runIn?: boolean;
      /** How the paragraph was set: all bold, centred (a title's look). */
      readonly look?: TextLook;
      /** The page's furniture (a <footer>, <nav>, share or print box), never the report's text. */
      readonly chrome?: boolean;
    }
  /** The page's own <title>, which may name the organization the report's title leaves out. */
  | { readonly kind: 'page-title'; readonly text: string; readonly loc: Loc }
  | {
      readonly kind: 'table';
      /** Rows as written: a merged cell appears once, in its first row. */
      readonly rows: readonly (readonly SourceCell[])[];
      /** Line (or table index) of each row. */
      readonly rowLocs: readonly Loc[];
      readonly caption?: string;
      /** Copied as text: the merges of its cells are lost, its values are read by position. */
      readonly copied?: boolean;
      readonly loc: Loc;
    }
  | { readonly kind: 'lost'; readonly what: LostKind; readonly detail: string; readonly loc: Loc }
  | { readonly kind: 'chart'; readonly chart: ImportedChart; readonly loc: Loc };

/** How a paragraph of a page or Word document was set. */
export interface TextLook {
  readonly bold?: boolean;
  readonly centered?: boolean;
}

/** A chart of nianbao's own pages (its figure says what it drew), as a section's `chart:`. */
export interface ImportedChart {
  readonly title: string;
  readonly unit: string;
  readonly compared: boolean;
  readonly bars: readonly { readonly label: string; readonly value: number; readonly previous?: number }[];
}

/** Marks, inside a run-in block's text, where its heading ends (nianbao's own pages say so). */
export const RUN_IN_END = '\u2029';

/** Why a part of the source has no place in the report file (it is kept there as a comment). */
export type UnplacedKind = LostKind | 'chart' | 'table' | 'row-run-together' | 'row-unknown' | 'cell-text' | 'row-duplicate' | 'before-title' | 'after-signature' | 'page-footer' | 'values-unfit';

/** A part of the source that could not be placed: what it is, what it said, where it stood. */
export interface Unplaced {
  readonly kind: UnplacedKind;
  readonly detail: string;
  readonly loc: Loc;
}

/** Paragraph text as people read it: runs of white space (full-width too) made one, ends trimmed. */
export function tidyText(text: string): string {
  return text
    // A line break in the markup between two Chinese characters is the editor's wrapping, not a space.
    .replace(/([\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])[ \t\r]*\n[ \t\r\n]*(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])/g, '$1')
    .replace(/[\u00a0\u2002-\u200a\u202f\u205f]/g, ' ')
    .replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '')
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
