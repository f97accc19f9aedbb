/** The text of every diagnostic code, from the side-by-side catalogs of messages/input.ts and messages/report.ts. */

import type { Params } from '../diagnostics.js';
import { inputMessages } from './input.js';
import type { Lang } from './lang.js';
import type { MessageText } from './phrasing.js';
import { plausibilityMessages } from './plausibility.js';
import { reportMessages } from './report.js';

export type { MessageText } from './phrasing.js';

const catalog = { ...inputMessages, ...reportMessages, ...plausibilityMessages };

/** Localized text of a diagnostic code. Unknown codes fall back to the code itself. */
export function messageFor(code: string, params: Params, lang: Lang): MessageText {
  const template = catalog[code]?.[lang];
  return template ? template(params) : { message: code };
}

/** Every diagnostic code the catalog knows. */
export function knownCodes(): string[] {
  return Object.keys(catalog).sort();
}
