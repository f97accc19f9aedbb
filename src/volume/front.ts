/** The volume's front matter as one HTML page (pure): the cover, then the table of contents. */

import Handlebars from 'handlebars';
import type { ContentsLine } from './contents.js';

/** What the cover and the table of contents say. */
export interface FrontMatter {
  readonly title: string;
  /** The district whose reports these are, above the title. */
  readonly compiler?: string;
  readonly date?: string;
  readonly lines: readonly ContentsLine[];
}

/** The template and the style sheet, as read from templates/_volume (and _base for the page). */
export interface FrontFiles {
  readonly template: string;
  readonly css: string;
}

/** Characters of the cover's title (2号, 22 pt) that fit the 156 mm type area, with room to spare. */
const COVER_LINE = 20;

/**
 * A title longer than a line is broken where its words part — before 政府信息公开, else before
 * 年度报告 — at the break nearest its middle, so that the two lines are of about one length.
 */
export function titleLines(title: string): string[] {
  if (title.length <= COVER_LINE) return [title];
  const breaks = ['政府信息公开', '年度报告'].map((w) => title.indexOf(w)).filter((at) => at > 0);
  if (!breaks.length) return [title];
  const at = breaks.reduce((best, b) => (Math.abs(b - title.length / 2) < Math.abs(best - title.length / 2) ? b : best));
  return [title.slice(0, at), title.slice(at)];
}

/** Renders the front matter. */
export function renderFront(front: FrontMatter, files: FrontFiles, version: string): string {
  const template = Handlebars.create().compile(files.template, { strict: false, noEscape: false });
  return template(
    {
      version,
      css: files.css,
      title: front.title,
      titleLines: titleLines(front.title),
      compiler: front.compiler,
      date: front.date,
      entries: front.lines,
      deep: front.lines.some((line) => line.level === 2),
    },
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
}
