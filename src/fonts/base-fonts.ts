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
 * An entry is named after the font's package, version and file and after the package that
 * made it (HarfBuzz, fontverter), not after where they are installed, so every checkout and
 * every nianbao version with the same fonts shares it. An entry that is not a whole font (a
 * table that runs past its end) is made again; entries of a font unused for 30 days are removed when a newer one
 * is made, so the folder does not grow with upgrades.
 */

import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { subsetFont, type FontSource } from './subset.js';

const require = createRequire(import.meta.url);

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

/** The base font cut from the full font `file` (by HarfBuzz, whose version is part of the key). */
export function baseFont(file: string): Promise<FontSource> {
  const maker = packageOf(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  return cached('base', file, maker, async () => subsetFont(file, [...baseCharset()].join(''), { retainGids: false }));
}

/** The font `file` as TrueType: itself, or a WOFF/WOFF2 file decoded once (by fontverter). */
export async function trueTypeFont(file: string): Promise<FontSource> {
  if (!/\.woff2?$/i.test(file)) return file;
  return cached('ttf', file, packageOf(require.resolve('fontverter')), async () => {
    const bytes = readFileSync(file);
    const { convert, detectFormat } = await import('fontverter');
    return detectFormat(bytes) === 'truetype' ? bytes : convert(bytes, 'truetype');
  });
}

const prepared = new Map<string, Promise<FontSource>>();

/** Entries not used for this long are removed when a newer entry of the same font is made. */
const UNUSED_FOR_MS = 30 * 24 * 3600 * 1000;

/**
 * A font prepared from `file` by `maker` ("name@version" of the package that makes it): from
 * this process, from the cache folder, or made now (and kept when possible). An entry that is
 * not a whole font (cut short by a crash or a full disk) is made again.
 */
function cached(kind: string, file: string, maker: string, make: () => Promise<Uint8Array>): Promise<FontSource> {
  const memoKey = `${kind}\0${file}`;
  let font = prepared.get(memoKey);
  if (!font) {
    font = (async () => {
      const slot = `${kind}-${basename(file).replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_')}`;
      const key = createHash('sha256').update(`${CACHE_VERSION}\0${maker}\0${packageOf(file)}\0${basename(file)}\0${statSync(file).size}`).digest('hex').slice(0, 16);
      const dir = fontCacheDir();
      const path = join(dir, `${slot}-${key}.ttf`);
      try {
        const bytes = readFileSync(path);
        if (isWholeFont(bytes)) {
          markUsed(path);
          return { id: path, bytes };
        }
      } catch {
        // not prepared yet
      }
      const bytes = await make();
      // A font that does not pass the check is used, but not kept (it would be made every time).
      if (isWholeFont(bytes)) keep(dir, slot, path, bytes);
      return { id: path, bytes };
    })();
    prepared.set(memoKey, font);
  }
  return font;
}

/** Marks an entry as used, for the clean-up of entries nobody uses any more (not possible in a read-only cache). */
function markUsed(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // a cache shared read-only: it is used all the same
  }
}

/** Writes an entry atomically (a temporary file, flushed, then renamed), then removes older ones. */
function keep(dir: string, slot: string, path: string, bytes: Uint8Array): void {
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    removeOlder(dir, slot, path);
  } catch {
    // A read-only home or a full disk: the font is prepared again next time, nothing else changes.
    rmSync(temp, { force: true });
  }
}

/**
 * Whether `bytes` is a whole TrueType font: TrueType outlines, and every table its directory
 * lists lies inside the file. An entry cut short (the way a cache file goes bad: a crash or a
 * full disk before the rename could not) fails this; reading it costs nothing.
 */
function isWholeFont(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 12) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x00010000) return false;
  const tables = view.getUint16(4);
  if (tables === 0 || 12 + tables * 16 > bytes.byteLength) return false;
  for (let t = 0; t < tables; t++) {
    const offset = view.getUint32(12 + t * 16 + 8);
    const length = view.getUint32(12 + t * 16 + 12);
    if (offset + length > bytes.byteLength) return false;
  }
  return true;
}

/**
 * Removes, besides `keep`: entries of the same font not used for 30 days (another version of
 * nianbao or of the font may still use a recent one), temporary files a crash left an hour
 * ago or more, and entries of the first cache layout.
 */
function removeOlder(dir: string, slot: string, current: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      const age = now - statSync(path).mtimeMs;
      const older =
        (name.startsWith(`${slot}-`) && name.endsWith('.ttf') && path !== current && age > UNUSED_FOR_MS) ||
        (name.endsWith('.tmp') && age > 3600 * 1000) ||
        /^base-[0-9a-f]{24}\.ttf$/.test(name);
      if (older) rmSync(path, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

const packages = new Map<string, string>();

/** "name@version" of the npm package that holds `file`, or "" outside any package. */
function packageOf(file: string): string {
  const folder = dirname(file);
  let found = packages.get(folder);
  if (found === undefined) {
    found = findPackage(folder);
    packages.set(folder, found);
  }
  return found;
}

function findPackage(folder: string): string {
  for (let dir = folder; dir !== dirname(dir); dir = dirname(dir)) {
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
