/**
 * Bundled fonts for the PDF. They come from npm packages with TrueType outlines, which Chromium
 * embeds as CID TrueType subsets (CFF fonts such as Debian's Noto CJK become Type 3, which print
 * shops and archives reject). Each font is cut down once per run, in Node, to the characters
 * the run's documents use, and inlined as a data: URL, so the page needs no file access and
 * looks the same on any machine whatever fonts it has installed.
 *
 * Glyph indexes are retained (see base-fonts.ts), so a document's PDF does not depend on the
 * other documents of its run: built alone or in a batch, it has the same bytes.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { baseCharset, baseFont, trueTypeFont } from './base-fonts.js';
import { subsetFont } from './subset.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** What a face is used for; each face is cut to the characters of its role. */
export type FontRole = 'title' | 'body' | 'bold' | 'hei' | 'kai';

/** The characters each role shows in a run's documents. */
export type RoleTexts = Readonly<Record<FontRole, Iterable<string>>>;

/** Collects, per role, the characters a run's documents show. */
export function collectRoleTexts(): { add(role: FontRole, text: string): void; texts: Record<FontRole, Set<string>> } {
  const texts: Record<FontRole, Set<string>> = { title: new Set(), body: new Set(), bold: new Set(), hei: new Set(), kai: new Set() };
  return {
    texts,
    add(role, text) {
      const set = texts[role];
      for (const ch of text) set.add(ch);
    },
  };
}

/** One bundled face: a whole font file, or a font split into unicode-range chunks by a CSS file. */
export interface FaceSource {
  readonly family: string;
  readonly weight: number;
  readonly role: FontRole;
  readonly file?: string;
  readonly chunksCss?: string;
}

/**
 * Stand-ins for the official faces (GB/T 9704 §7.3): 小标宋 → Noto Serif SC Bold, 仿宋 →
 * Noto Serif SC (no free 仿宋 is on npm), 黑体 → Noto Sans SC, 楷体 → LXGW WenKai.
 */
export function bundledFaces(): FaceSource[] {
  const serif = packageDir('@expo-google-fonts/noto-serif-sc');
  const sans = packageDir('@expo-google-fonts/noto-sans-sc');
  const kai = packageDir('lxgw-wenkai-webfont');
  return [
    { family: 'NB Title', weight: 400, role: 'title', file: join(serif, '700Bold', 'NotoSerifSC_700Bold.ttf') },
    { family: 'NB Serif', weight: 400, role: 'body', file: join(serif, '400Regular', 'NotoSerifSC_400Regular.ttf') },
    { family: 'NB Serif', weight: 700, role: 'bold', file: join(serif, '700Bold', 'NotoSerifSC_700Bold.ttf') },
    { family: 'NB Sans', weight: 400, role: 'hei', file: join(sans, '400Regular', 'NotoSansSC_400Regular.ttf') },
    { family: 'NB Kai', weight: 400, role: 'kai', chunksCss: join(kai, 'lxgwwenkai-regular.css') },
  ];
}

/**
 * Font choices for the PDF: bundled faces, or (opt-in) the official faces when installed. Each
 * stack ends in "NB Serif", which holds every character of the run, so a character that a
 * template shows in an unexpected face falls back to the body face, never to a missing glyph.
 */
function fontVariables(localFonts: boolean): string {
  const local = (names: string) => (localFonts ? `${names}, ` : '');
  return `:root {
  --nb-font-title: ${local('"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"')}"NB Title", "NB Serif";
  --nb-font-body: ${local('"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"')}"NB Serif";
  --nb-font-hei: ${local('"黑体", "SimHei"')}"NB Sans", "NB Serif";
  --nb-font-kai: ${local('"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"')}"NB Kai", "NB Serif";
}`;
}

/** Characters every face may show besides its role's text: page numbers, heading numbers, dates. */
const ALWAYS = '— 0123456789、（）.一二三四五六七八九十百零年月日';
/** Printable ASCII, for the body face (templates and numbers). */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Options for building the PDF's font CSS. */
export interface FontOptions {
  /** Prefer locally installed official faces (仿宋_GB2312, 方正小标宋) over the bundled ones. */
  readonly localFonts?: boolean;
  /** Stops the cutting between two fonts (the run no longer needs them). */
  readonly signal?: AbortSignal;
}

/** The CSS that makes documents use the bundled fonts. */
export interface FontCss {
  /** @font-face rules holding the subsets (large; loaded once per page). */
  readonly faces: string;
  /** The font variables the base CSS reads; must come after a profile's own CSS. */
  readonly variables: string;
}

/**
 * Builds the CSS that makes documents use the bundled fonts: @font-face rules holding subsets
 * for the characters each role shows (the body face: every character of the run), and the
 * font variables the base CSS reads.
 */
export async function fontCssFor(texts: RoleTexts, options: FontOptions = {}): Promise<FontCss> {
  const rules: string[] = [];
  for (const face of bundledFaces()) {
    options.signal?.throwIfAborted();
    const chars = uniqueChars([...texts[face.role], ...(face.role === 'body' ? ASCII : ''), ...ALWAYS]);
    if (face.file) {
      // Most characters from the base font; any others from the full font, both by unicode-range.
      const base = baseCharset();
      const common = [...chars].filter((ch) => base.has(ch)).join('');
      const rare = [...chars].filter((ch) => !base.has(ch)).join('');
      rules.push(fontFace(face, await subsetFont(await baseFont(face.file), common, RETAIN), rare ? unicodeRange(common) : undefined));
      if (rare) rules.push(fontFace(face, await subsetFont(face.file, rare, RETAIN), unicodeRange(rare)));
    } else if (face.chunksCss) {
      for (const chunk of chunksFor(face.chunksCss, chars)) {
        rules.push(fontFace(face, await subsetFont(await trueTypeFont(chunk.file), chunk.chars, RETAIN), unicodeRange(chunk.chars)));
      }
    }
  }
  return { faces: rules.join('\n'), variables: fontVariables(options.localFonts ?? false) };
}

function fontFace(face: FaceSource, data: Buffer, range?: string): string {
  return `@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: normal; font-display: block; src: url(data:font/ttf;base64,${data.toString('base64')}) format("truetype");${range ? ` unicode-range: ${range};` : ''} }`;
}

const RETAIN = { retainGids: true } as const;

const chunkCache = new Map<string, Map<number, string>>();

/**
 * Reads the unicode-range chunks of a split web font from its CSS: which chunk file holds each
 * code point (the first chunk listed, where ranges overlap).
 */
function readChunks(cssFile: string): Map<number, string> {
  let holder = chunkCache.get(cssFile);
  if (holder) return holder;
  holder = new Map();
  const css = readFileSync(cssFile, 'utf8');
  const chunks = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
    const body = m[1] ?? '';
    const url = /url\(['"]?([^'")]+\.woff2)['"]?\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;}]+)/.exec(body)?.[1];
    if (!url || !range) return [];
    const ranges = range.split(',').map((part): [number, number] => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)];
    });
    return [{ file: join(dirname(cssFile), url), ranges }];
  });
  for (const { file, ranges } of chunks.reverse()) {
    for (const [lo, hi] of ranges) for (let cp = lo; cp <= hi; cp++) holder.set(cp, file);
  }
  chunkCache.set(cssFile, holder);
  return holder;
}

/** The chunks of a split font that hold some of `chars`, each with the characters it holds. */
function chunksFor(cssFile: string, chars: string): { file: string; chars: string }[] {
  const out = new Map<string, string>();
  const holder = readChunks(cssFile);
  for (const ch of chars) {
    const file = holder.get(ch.codePointAt(0)!);
    if (file) out.set(file, (out.get(file) ?? '') + ch);
  }
  return [...out.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([file, cs]) => ({ file, chars: cs }));
}

/** The distinct printable characters of `chars`, sorted (line breaks and other controls show no glyph). */
function uniqueChars(chars: Iterable<string>): string {
  return [...new Set(chars)].filter((ch) => !/\p{Cc}/u.test(ch)).sort().join('');
}

/** A compact CSS unicode-range for a set of characters. */
function unicodeRange(chars: string): string {
  const cps = [...chars].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const start = cps[i]!;
    while (i + 1 < cps.length && cps[i + 1] === cps[i]! + 1) i++;
    const end = cps[i]!;
    parts.push(start === end ? `U+${start.toString(16)}` : `U+${start.toString(16)}-${end.toString(16)}`);
  }
  return parts.join(', ');
}

/**
 * fontCssFor on a worker thread: on two cores, the cutting then overlaps the checking of the
 * first report and the connection to the browser instead of following them. Aborting `signal`
 * ends the worker. Falls back to this thread where the worker's module is not there (running
 * from the TypeScript sources).
 */
export async function fontCssOffThread(texts: RoleTexts, options: FontOptions = {}): Promise<FontCss> {
  options.signal?.throwIfAborted();
  const script = new URL('./worker.js', import.meta.url);
  if (!existsSync(script)) return fontCssFor(texts, options);
  const { Worker } = await import('node:worker_threads');
  const plain = Object.fromEntries(Object.entries(texts).map(([role, chars]) => [role, [...chars].join('')]));
  const worker = new Worker(script, { workerData: { texts: plain, options: { localFonts: options.localFonts ?? false } } });
  const stop = () => void worker.terminate();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop(); // aborted while the worker module was loading
  try {
    return await new Promise<FontCss>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(options.signal?.reason ?? new Error(`the font worker stopped (code ${code})`)));
    });
  } finally {
    options.signal?.removeEventListener('abort', stop);
    void worker.terminate();
  }
}
