/**
 * What the command line says before and after commander: the language asked for (read before
 * the program is built, so that its help is in that language), and one sentence for a failure
 * of the tool itself.
 */

import { cliText } from '../messages/cli.js';
import { inLanguage, type Lang } from '../messages/lang.js';
import { NoBrowserError } from '../print/find-browser.js';

/** `--lang x` or `--lang=x`, wherever it stands; undefined when not given. */
export function readLangFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/** One sentence for a failure of the tool itself (exit code 2). */
export function toolErrorSentence(error: Error, lang: Lang): string {
  const t = inLanguage(cliText, lang);
  if (error instanceof NoBrowserError) return error.explicit ? t.noBrowserAt(error.explicit) : t.noBrowser;
  if (error.name === 'BrowserLaunchError') return t.launchFailed(error.message);
  return t.failed(error.message);
}
