/**
 * Base fonts: each bundled full font cut once to a fixed character set — GB 2312 (its 6,763
 * hanzi and its symbols), ASCII and the common CJK punctuation — and kept in a cache folder.
 * A run's fonts are cut from these with retained glyph indexes: the indexes are then fixed
 * (the base never changes), and the tables sized by the glyph count stay small (about 7,500
 * glyphs instead of 65,000), which keeps Chromium's work per document low. Characters outside
 * the base come from the full font, also with retained indexes.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { subsetFont, type FontSource } from './subset.js';
import { VERSION } from './version.js';

/** Raised whenever the base character set changes, so that cached bases are rebuilt. */
const BASE_VERSION = 1;

let charset: Set<string> | undefined;

/** The characters every base font holds. */
export function baseCharset(): ReadonlySet<string> {
  if (!charset) {
    const set = new Set<string>();
    const gb = new TextDecoder('gb18030');
    // GB 2312: rows 0xA1–0xA9 (symbols) and 0xB0–0xF7 (hanzi), cells 0xA1–0xFE.
    for (let row = 0xa1; row <= 0xf7; row++) {
      if (row > 0xa9 && row < 0xb0) continue;
      for (let cell = 0xa1; cell <= 0xfe; cell++) {
        const ch = gb.decode(new Uint8Array([row, cell]));
        if (ch.length === 1 && ch !== '\ufffd' && ch.codePointAt(0)! >= 0x80) set.add(ch);
      }
    }
    for (let c = 0x20; c < 0x7f; c++) set.add(String.fromCharCode(c));
    for (let c = 0x3000; c <= 0x303f; c++) set.add(String.fromCharCode(c));
    for (let c = 0xff01; c <= 0xff5e; c++) set.add(String.fromCharCode(c));
    for (const ch of '“”‘’—–…·•●○■□▲△◆◇★☆※→←↑↓√×÷±≤≥≠∶℃°') set.add(ch);
    charset = set;
  }
  return charset;
}

/** Where base fonts are kept: NIANBAO_CACHE_DIR, else the user's cache folder. */
function cacheDir(): string {
  return process.env.NIANBAO_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'nianbao');
}

const bases = new Map<string, Promise<FontSource>>();

/** The base font cut from `file`: from the cache folder, or made now (and cached when possible). */
export function baseFont(file: string): Promise<FontSource> {
  let base = bases.get(file);
  if (!base) {
    base = (async () => {
      const info = statSync(file);
      const key = createHash('sha256').update(`${BASE_VERSION}\0${VERSION}\0${file}\0${info.size}\0${info.mtimeMs}`).digest('hex').slice(0, 24);
      const cached = join(cacheDir(), `base-${key}.ttf`);
      try {
        return { id: cached, bytes: readFileSync(cached) };
      } catch {
        // not cached yet
      }
      const bytes = await subsetFont(file, [...baseCharset()].join(''), { retainGids: false });
      try {
        mkdirSync(cacheDir(), { recursive: true });
        const temp = join(cacheDir(), `.base-${key}.${process.pid}.tmp`);
        writeFileSync(temp, bytes);
        renameSync(temp, cached);
      } catch {
        // A read-only home: the base is made again next time, nothing else changes.
      }
      return { id: cached, bytes };
    })();
    bases.set(file, base);
  }
  return base;
}

