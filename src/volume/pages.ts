/**
 * Page-number arithmetic of a volume (pure). The front matter (cover and table of contents)
 * carries no number; the body is numbered from 1 straight through every report, so the numbers
 * the table of contents prints do not depend on its own length. Printed on both sides, the
 * front matter fills whole sheets and every report starts on a right-hand (odd) page, a blank
 * unnumbered page before it where needed.
 */

/** Where each part of a volume lands. */
export interface Placement {
  /** Pages of the front matter, with the blank that evens it out on both sides. */
  readonly frontPages: number;
  /** Per report: its first page's printed number and its first page's index in the volume (0-based). */
  readonly parts: readonly { readonly start: number; readonly index: number; readonly pages: number }[];
  /** Indexes (0-based) of the blank pages put in to start a report on a right-hand page. */
  readonly blanks: readonly number[];
  /** Pages of the body, blanks included: the last printed number. */
  readonly bodyPages: number;
  readonly totalPages: number;
}

/** Places the front matter and the reports' pages, one after another. */
export function placeParts(frontPages: number, partPages: readonly number[], duplex = false): Placement {
  const front = duplex && frontPages % 2 === 1 ? frontPages + 1 : frontPages;
  const parts: { start: number; index: number; pages: number }[] = [];
  const blanks: number[] = [];
  let next = 1;
  for (const pages of partPages) {
    if (duplex && next % 2 === 0) {
      blanks.push(front + next - 1);
      next++;
    }
    parts.push({ start: next, index: front + next - 1, pages });
    next += pages;
  }
  return { frontPages: front, parts, blanks, bodyPages: next - 1, totalPages: front + next - 1 };
}

/** The printed number of the page at `index` in the volume, or undefined for the front matter and blanks. */
export function printedNumber(placement: Placement, index: number): number | undefined {
  if (index < placement.frontPages || placement.blanks.includes(index)) return undefined;
  return index - placement.frontPages + 1;
}
