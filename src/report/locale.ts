/** Chooses the language of messages: an explicit choice, else the user's locale. */

import type { Lang } from './messages.js';

/** `zh*` locales get Chinese; everything else English. `--lang` always wins. */
export function detectLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (explicit) return /^zh/i.test(explicit) ? 'zh-CN' : 'en';
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  const locale = fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX' ? fromEnv : Intl.DateTimeFormat().resolvedOptions().locale;
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** Parses a `--lang` value; undefined when it is not a language nianbao speaks. */
export function parseLang(value: string): Lang | undefined {
  if (/^zh(-cn|-hans|_cn)?$/i.test(value)) return 'zh-CN';
  if (/^en(-[a-z]+)?$/i.test(value)) return 'en';
  return undefined;
}
