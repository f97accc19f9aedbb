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
      else {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        options.write(`[${finished}/${total}] ${statusText[result.status][options.lang]} ${result.file} (${seconds} s)\n`);
      }
    },
    done() {
      if (options.tty && total > 1) options.write('\r\x1b[K');
    },
  };
}
