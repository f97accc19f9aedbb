/**
 * Which year a run's reports are of, and which of them are last year's (pure). Next year's
 * report is written beside this year's (`nianbao new`) and names it as `previous:`; a run over
 * the folder finds both. Lists of the year (the summary, the volume) set last year's apart.
 */

import { resolve } from 'node:path';

/** What is needed of a report to tell its year. */
export interface Dated {
  /** The file as the user named or found it. */
  readonly file: string;
  readonly year?: number | undefined;
  /** Last year's report as this one names it (`previous:`), absolute. */
  readonly previous?: string | undefined;
}

/** The value seen most often; ties go to the largest (the latest year). */
export function majority(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** The year of most of the reports (the latest on a tie), or none when none says its year. */
export function yearOfMost(reports: readonly Dated[]): number | undefined {
  return majority(reports.map((r) => r.year).filter((y): y is number => typeof y === 'number'));
}

/**
 * Splits the reports into this year's and last year's: a report is last year's when another
 * report of the run names it as `previous:` and is of a later year. A report of the same year
 * named as last year's is still a report of the year.
 */
export function setApartLastYears<T extends Dated>(reports: readonly T[]): { readonly current: T[]; readonly lastYears: T[] } {
  /** File named → the latest year of the reports that name it. */
  const named = new Map<string, number>();
  for (const r of reports) {
    if (!r.previous || typeof r.year !== 'number') continue;
    named.set(r.previous, Math.max(r.year, named.get(r.previous) ?? r.year));
  }
  const lastYear = (r: T) => {
    const namedBy = named.get(resolve(r.file));
    return namedBy !== undefined && typeof r.year === 'number' && r.year < namedBy;
  };
  return { current: reports.filter((r) => !lastYear(r)), lastYears: reports.filter(lastYear) };
}
