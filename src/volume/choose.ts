/**
 * Which of the built reports go into a volume (pure): those of the volume's year — the year of
 * most reports, the latest on a tie — and none that another report of the run names as last
 * year's (`previous:`), as when next year's report is kept beside this year's.
 */

import { setApartLastYears, yearOfMost, type Dated } from '../run/years.js';

/** A report of another year than the volume's, left out. */
export interface OtherYear {
  readonly file: string;
  readonly year: number;
}

/** The reports chosen, and those left out with why. */
export interface Chosen<T> {
  /** The year the volume is of, when the reports say one. */
  readonly year?: number;
  readonly chosen: T[];
  /** Named as last year's by a later report of the run. */
  readonly lastYears: string[];
  /** Of another year than the volume's (and named by no report). */
  readonly otherYears: OtherYear[];
}

/** Chooses the reports of the volume's year, setting last year's apart first. */
export function chooseReports<T extends Dated>(reports: readonly T[]): Chosen<T> {
  const { current, lastYears } = setApartLastYears(reports);
  const year = yearOfMost(current);
  const other = (r: T) => year !== undefined && typeof r.year === 'number' && r.year !== year;
  return {
    ...(year !== undefined ? { year } : {}),
    chosen: current.filter((r) => !other(r)),
    lastYears: lastYears.map((r) => r.file),
    otherYears: current.filter(other).map((r) => ({ file: r.file, year: r.year! })),
  };
}
