/**
 * Progress of a long build, on standard error: a bar with counts and the current file on a
 * terminal; one plain line per finished file otherwise (CI logs).
 */

import type { FileResult } from '../run/result.js';
import type { Lang } from '../messages/lang.js';
import { statusText } from '../messages/summary.js';

/** Where progress goes and how. */
export interface ProgressOptions {
  readonly write: (text: string) => void;
  readonly tty: boolean;
  readonly lang: Lang;
  /** Terminal width, for the bar. */
  readonly columns?: number;
}


/**
 * A finished file's own time (checked, printed and written) and the time since the run began,
 * each said for what it is: "(this file 0.4 s; 2.1 s since the start)".
 */
export function times(result: FileResult, sinceStartMs: number, lang: Lang): string {
  const t = result.timings;
  const own = t ? ((t.checkMs ?? 0) + (t.printMs ?? 0) + (t.writeMs ?? 0)) / 1000 : undefined;
  const since = (sinceStartMs / 1000).toFixed(1);
  if (lang === 'zh-CN') return own === undefined ? `（自开始 ${since} 秒）` : `（本文件 ${own.toFixed(1)} 秒；自开始 ${since} 秒）`;
  return own === undefined ? `(${since} s since the start)` : `(this file ${own.toFixed(1)} s; ${since} s since the start)`;
}

/** Callbacks for `build`'s onStart/onFile, and `done` to clear the bar. */
export function createProgress(options: ProgressOptions) {
  let total = 0;
  let finished = 0;
  const started = Date.now();
  const bar = (current: string) => {
    const width = 24;
    const filled = total ? Math.round((finished / total) * width) : 0;
    const room = Math.max(10, (options.columns ?? 80) - width - 20);
    const name = current.length > room ? `…${current.slice(-(room - 1))}` : current;
    options.write(`\r\x1b[K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${finished}/${total} ${name}`);
  };
  return {
    onStart(count: number) {
      total = count;
      if (options.tty && total > 1) bar('');
    },
    onFile(result: FileResult) {
      finished++;
      if (total <= 1) return;
      if (options.tty) bar(result.file);
      else options.write(`[${finished}/${total}] ${statusText[result.status][options.lang]} ${result.file} ${times(result, Date.now() - started, options.lang)}\n`);
    },
    done() {
      if (options.tty && total > 1) options.write('\r\x1b[K');
    },
  };
}
