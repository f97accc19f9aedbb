/**
 * The characters each face must hold for a run, taken from what the run's reports say once
 * parsed — never from their raw YAML: a title written as a block (`title: |` over two lines)
 * is a title all the same, and its every character must be cut into the title face.
 */

import { CHANGE_CHARS } from '../model/change.js';
import { findReferences, parseInline } from '../model/narrative.js';
import type { FontRole } from './fonts.js';

/** Where characters are collected, per role. */
export interface RoleChars {
  add(role: FontRole, text: string): void;
}

/**
 * Adds a parsed report's text: every string value to the body face (whatever a document shows
 * of it is in there), `**bold**` runs to the bold face, the title to the title face and each
 * section heading to the heading faces (黑体 for level 1, 楷体 for level 2).
 */
export function addReportTexts(chars: RoleChars, doc: unknown): void {
  walk(doc, '', (key, text, inSections) => {
    chars.add('body', text);
    // `{{change …}}` prints words of its own (增加…（增长…%）).
    if (text.includes('{{') && findReferences(text).some((r) => r.change)) chars.add('body', CHANGE_CHARS);
    for (const run of parseInline(text, () => undefined)) if (run.kind === 'strong') chars.add('bold', run.text);
    if (key === 'title' && !inSections) chars.add('title', text);
    if (key === 'heading' && inSections) {
      chars.add('hei', text);
      chars.add('kai', text);
    }
  });
}

function walk(value: unknown, key: string, visit: (key: string, text: string, inSections: boolean) => void, inSections = false): void {
  if (typeof value === 'string') visit(key, value, inSections);
  else if (typeof value === 'number') visit(key, String(value), inSections);
  else if (Array.isArray(value)) for (const item of value) walk(item, key, visit, inSections);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) walk(v, k, visit, inSections || k === 'sections');
  }
}
