/**
 * Fonts prepared once and kept in a cache folder, so that a run only cuts small subsets:
 *
 * - Base fonts: each bundled full font cut to a fixed character set — GB 2312 (its 6,763 hanzi
 *   and its symbols), ASCII and the common CJK punctuation. A run's fonts are cut from these
 *   with retained glyph indexes: the indexes are then fixed (the base never changes), and the
 *   tables sized by the glyph count stay small (about 7,500 glyphs instead of 65,000), which
 *   keeps Chromium's work per document low. Characters outside the base come from the full
 *   font, also with retained indexes.
 * - Decoded fonts: the WOFF2 chunks of a split web font, decoded to TrueType once.
 *
 * An entry is named after the font's package, version and file, not after where it is
 * installed, so every checkout of the same version shares it; writing a new entry for a font
 * removes that font's older ones, so the folder does not grow with upgrades.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { subsetFont, type FontSource } from './subset.js';
import { VERSION } from './version.js';

/** Raised whenever the base character set or the way entries are made changes. */
const CACHE_VERSION = 2;

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

/** Where prepared fonts are kept: NIANBAO_CACHE_DIR, else the user's cache folder. */
export function fontCacheDir(): string {
  return process.env.NIANBAO_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'nianbao');
}

/** The base font cut from the full font `file`. */
export function baseFont(file: string): Promise<FontSource> {
  return cached('base', file, async () => subsetFont(file, [...baseCharset()].join(''), { retainGids: false }));
}

/** The font `file` as TrueType: itself, or a WOFF/WOFF2 file decoded once. */
export async function trueTypeFont(file: string): Promise<FontSource> {
  if (!/\.woff2?$/i.test(file)) return file;
  return cached('ttf', file, async () => {
    const bytes = readFileSync(file);
    const { convert, detectFormat } = await import('fontverter');
    return detectFormat(bytes) === 'truetype' ? bytes : convert(bytes, 'truetype');
  });
}

const prepared = new Map<string, Promise<FontSource>>();

/** A font prepared from `file`: from this process, from the cache folder, or made now (and kept when possible). */
function cached(kind: string, file: string, make: () => Promise<Uint8Array>): Promise<FontSource> {
  const memoKey = `${kind}\0${file}`;
  let font = prepared.get(memoKey);
  if (!font) {
    font = (async () => {
      const slot = `${kind}-${basename(file).replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_')}`;
      const key = createHash('sha256').update(`${CACHE_VERSION}\0${VERSION}\0${packageOf(file)}\0${basename(file)}\0${statSync(file).size}`).digest('hex').slice(0, 16);
      const dir = fontCacheDir();
      const path = join(dir, `${slot}-${key}.ttf`);
      try {
        return { id: path, bytes: readFileSync(path) };
      } catch {
        // not prepared yet
      }
      const bytes = await make();
      try {
        mkdirSync(dir, { recursive: true });
        const temp = join(dir, `.${slot}-${key}.${process.pid}.tmp`);
        writeFileSync(temp, bytes);
        renameSync(temp, path);
        removeOlder(dir, slot, path);
      } catch {
        // A read-only home: the font is prepared again next time, nothing else changes.
      }
      return { id: path, bytes };
    })();
    prepared.set(memoKey, font);
  }
  return font;
}

/** Removes the entries of `slot` other than `keep`, and entries of the first cache layout. */
function removeOlder(dir: string, slot: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    const older = (name.startsWith(`${slot}-`) && name.endsWith('.ttf') && join(dir, name) !== keep) || /^base-[0-9a-f]{24}\.ttf$/.test(name);
    if (older) rmSync(join(dir, name), { force: true });
  }
}

/** "name@version" of the npm package that holds `file`, or "" outside any package. */
function packageOf(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name) return `${name}@${version ?? ''}`;
    } catch {
      // not a readable manifest: look further up
    }
  }
  return '';
}
