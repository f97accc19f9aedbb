/**
 * Headings recognised by the numbers typed before them (一、 （一） 1. （1）, also 1、 and (一)),
 * their levels taken from the order in which the styles appear (an older report's 1、 under
 * 一、 is level 2), and the numbers removed: nianbao numbers headings itself. A short heading
 * ending in 。 with text after it in the same paragraph is a run-in heading.
 */

import { RUN_IN_END, type ImportedChart, type Loc, type Unplaced } from './blocks.js';
import { MAX_HEADING_LEVEL, readTypedNumber } from '../model/numbering.js';

/** A section as imported. */
export interface ImportedSection {
  readonly heading: string;
  readonly runIn: boolean;
  readonly paragraphs: string[];
  readonly notes: Unplaced[];
  readonly tables: GeneralTableOut[];
  /** nianbao's own chart, read back from its page. */
  chart?: ImportedChart;
  readonly sections: ImportedSection[];
  readonly loc: Loc;
}

/** A table of a section (not one of the format's), as the report file writes it. */
export interface GeneralTableOut {
  readonly title?: string;
  readonly unit?: string;
  /** 注：… under the table. */
  note?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** A paragraph read as a heading: its numbering style, its words, and the text run in after it. */
export interface HeadingLine {
  readonly style: number;
  readonly heading: string;
  readonly runIn: boolean;
  readonly text?: string;
}

const MAX_HEADING = 40;
const MAX_RUN_IN = 30;

/** Reads a paragraph that starts with a typed number as a heading, or undefined when it is a numbered paragraph of text. */
export function readHeading(text: string, markedRunIn = false): HeadingLine | undefined {
  const marked = text.indexOf(RUN_IN_END);
  const typed = readTypedNumber(text);
  if (!typed) return undefined;
  if (markedRunIn && marked > typed.text.length) {
    const after = text.slice(marked + 1).trim();
    return { style: typed.level, heading: text.slice(typed.text.length, marked).trim(), runIn: true, ...(after ? { text: after } : {}) };
  }
  const rest = text.slice(typed.text.length).replace(/^[、．.\s\u3000]+/, '').trim();
  if (!rest) return undefined;
  const stop = rest.indexOf('。');
  const runIn = (heading: string, after: string): HeadingLine => ({ style: typed.level, heading, runIn: true, ...(after ? { text: after } : {}) });
  if (markedRunIn && stop > 0) return runIn(rest.slice(0, stop + 1), rest.slice(stop + 1).trim());
  if (rest.length <= MAX_HEADING && (stop === -1 || stop === rest.length - 1) && !/[；;，,：:]$/.test(rest)) return { style: typed.level, heading: rest, runIn: false };
  if (stop > 0 && stop < MAX_RUN_IN && stop < rest.length - 1) return runIn(rest.slice(0, stop + 1), rest.slice(stop + 1).trim());
  return undefined;
}

/** Builds the tree of sections as headings come, each at the level its style has taken. */
export class Outline {
  readonly sections: ImportedSection[] = [];
  private readonly styles: number[] = [];
  private readonly open: ImportedSection[] = [];

  /** The section text now goes to, if any heading came yet. */
  get current(): ImportedSection | undefined {
    return this.open[this.open.length - 1];
  }

  /** Opens a section for `line`; false when it would be deeper than four levels (the caller keeps it as text). */
  add(line: HeadingLine, loc: Loc): boolean {
    const seen = this.styles.indexOf(line.style);
    const level = seen >= 0 ? seen + 1 : this.styles.length + 1;
    if (level > MAX_HEADING_LEVEL) return false;
    this.styles.length = level - 1;
    this.styles.push(line.style);
    const section: ImportedSection = { heading: line.heading, runIn: line.runIn, paragraphs: line.text ? [line.text] : [], notes: [], tables: [], sections: [], loc };
    this.open.length = Math.min(this.open.length, level - 1);
    (this.open[level - 2]?.sections ?? this.sections).push(section);
    this.open.push(section);
    return true;
  }
}
