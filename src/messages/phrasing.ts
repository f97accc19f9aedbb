/** The shape of a diagnostic's text, and the phrasing that several diagnostics share. */

import type { Params } from '../diagnostics.js';

/** What a diagnostic says: the problem, and (when known) what would be right. */
export interface MessageText {
  readonly message: string;
  readonly expected?: string;
}

/** A diagnostic's text from its parameters. */
export type Template = (p: Params) => MessageText;

/** A value quoted in Chinese. */
export const q = (s: unknown): string => `“${String(s)}”`;
export const suggestZh = (p: Params): string => (p.suggestion ? `你是不是想写 ${q(p.suggestion)}？` : '');
export const suggestEn = (p: Params): string => (p.suggestion ? `Did you mean "${p.suggestion}"?` : '');
