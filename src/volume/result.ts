/** What building a volume is given and what it says it did. */

import type { OtherYear } from './choose.js';

/** The volume to make after a build (`--volume`). */
export interface VolumeOptions {
  /** Where to write the volume's PDF. */
  readonly path: string;
  /** The title on its cover; default `<年度>年政府信息公开工作年度报告汇编`. */
  readonly title?: string;
  /** A file naming the reports (file names or organizations), one a line, in the volume's order. */
  readonly order?: string;
  /** The lines of the order file, when already read (the CLI reads it before the batch). */
  readonly orderList?: readonly string[];
  /** 1: the table of contents lists the reports; 2: also each report's level-1 headings. */
  readonly tocDepth?: number;
}

/** The outcome of a volume. */
export interface VolumeResult {
  readonly path: string;
  /** `ok`: written; `unchanged`: already up to date; `empty`: no report to put in; `interrupted`: the run was stopped, nothing written; `failed`: see `error`. */
  readonly status: 'ok' | 'unchanged' | 'empty' | 'interrupted' | 'failed';
  /** The year the volume is of (that of most reports, the latest on a tie). */
  readonly year?: number;
  /** The reports in it, in order. */
  readonly reports: readonly string[];
  /** Reports printed for the volume in this run (new or changed); the others were reused as printed before. */
  readonly printed: readonly string[];
  /** Reports left out because they have errors or failed to build. */
  readonly leftOut: readonly string[];
  /** Last year's reports, named as such (`previous:`) by a report of the run: left out. */
  readonly lastYears: readonly string[];
  /** Reports of another year than the volume's: left out. */
  readonly otherYears: readonly OtherYear[];
  /** Lines of the order list that named no report. */
  readonly unlisted: readonly string[];
  /** Pages of the volume, front matter included. */
  readonly pages?: number;
  readonly error?: Error;
  readonly elapsedMs: number;
}
