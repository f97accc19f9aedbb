/** Last year's report as a report names it (`previous:`): where it is, and what of it the fonts must hold. */

import { dirname, resolve } from 'node:path';
import { readInput, type Reads } from './read.js';
import { isObj } from './record.js';

/** The absolute path of last year's report, when a report names one (`previous:`, relative to the report). */
export function previousOf(reportPath: string, doc: unknown): string | undefined {
  const previous = typeof doc === 'object' && doc !== null ? (doc as { previous?: unknown }).previous : undefined;
  return typeof previous === 'string' ? resolve(dirname(resolve(reportPath)), previous) : undefined;
}

/**
 * The figures of last year's report that are text (quoted as `{{previous.figures.…}}`), for the
 * fonts to hold their characters; empty when there is no such report.
 */
export function previousFigureTexts(reportPath: string, doc: unknown, reads: Reads = new Map()): string {
  const path = previousOf(reportPath, doc);
  // Through the run's reads: last year's report is opened once a run, whoever asks first.
  const value = path ? readInput(path, reads).parsed?.value : undefined;
  const figures = isObj(value) && isObj(value.figures) ? Object.values(value.figures) : [];
  return figures.filter((v) => typeof v === 'string').join('');
}
