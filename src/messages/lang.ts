/**
 * The languages nianbao speaks, how one is chosen, and the shape of its message catalog: every
 * user-visible text is written once per language, side by side (messages/*.ts).
 */

export type Lang = 'zh-CN' | 'en';

/** One text (or text-making function) in each language. */
export type SideBySide<T> = { readonly 'zh-CN': T; readonly en: T };

/** A catalog of side-by-side entries, seen in one language: `inLanguage({ ok: { 'zh-CN': '完成', en: 'built' } }, 'en').ok === 'built'`. */
export function inLanguage<T extends Record<string, unknown>>(catalog: { readonly [K in keyof T]: SideBySide<T[K]> }, lang: Lang): T {
  return Object.fromEntries(Object.entries(catalog).map(([key, texts]) => [key, (texts as SideBySide<unknown>)[lang]])) as T;
}

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

/** A side-by-side catalog's type as seen in one language (what inLanguage returns). */
export type InLanguage<C> = { [K in keyof C]: C[K] extends SideBySide<infer T> ? T : never };
