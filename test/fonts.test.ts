/**
 * Fonts: what a run's font CSS holds, and the cache of prepared fonts (named by the font
 * package's version, shared by every checkout, older entries removed).
 */

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { tempDir } from './helpers.js';

const cache = tempDir('nianbao-font-cache-');
process.env.NIANBAO_CACHE_DIR = cache.dir;
after(() => cache.cleanup());

const { trueTypeFont } = await import('../src/fonts/base-fonts.js');
const { collectRoleTexts, fontCssFor } = await import('../src/fonts/fonts.js');

const kaiDir = dirname(createRequire(import.meta.url).resolve('lxgw-wenkai-webfont/package.json'));
const chunk = join(kaiDir, 'files', 'lxgwwenkai-regular-subset-100.woff2');

/** The @font-face rules of one family and weight. */
function facesOf(css: string, family: string, weight: number): string[] {
  return css.split('\n').filter((rule) => rule.includes(`font-family: "${family}"; font-weight: ${weight};`));
}

test('line breaks need no glyph; a character outside GB 2312 gets a face of its own from the full font', async () => {
  const plain = collectRoleTexts();
  plain.add('body', '政府信息公开\n工作年度报告\r\n');
  assert.equal(facesOf((await fontCssFor(plain.texts)).faces, 'NB Serif', 400).length, 1, 'only the face cut from the base font');

  const rare = collectRoleTexts();
  rare.add('body', '政府信息公开：㐀\n'); // U+3400 is not in GB 2312
  const faces = facesOf((await fontCssFor(rare.texts)).faces, 'NB Serif', 400);
  assert.equal(faces.length, 2);
  assert.match(faces[1]!, /unicode-range: U\+3400;/);
  assert.doesNotMatch(faces[0]!, /U\+3400/);
});

test('a WOFF2 piece is decoded once into the cache, under a name that does not depend on where it is installed', async () => {
  assert.ok(existsSync(chunk), chunk);
  // Entries of other versions of the same piece (one unused for 40 days, one in use), one of
  // the first cache layout, and a temporary file a crash left two hours ago.
  const stale = join(cache.dir, 'ttf-lxgwwenkai-regular-subset-100-0000000000000000.ttf');
  const recent = join(cache.dir, 'ttf-lxgwwenkai-regular-subset-100-1111111111111111.ttf');
  const legacy = join(cache.dir, `base-${'ab'.repeat(12)}.ttf`);
  const crashed = join(cache.dir, '.ttf-lxgwwenkai-regular-subset-100-2222222222222222.ttf.99999.tmp');
  for (const file of [stale, recent, legacy, crashed]) writeFileSync(file, 'old');
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
  utimesSync(stale, daysAgo(40), daysAgo(40));
  utimesSync(crashed, daysAgo(1 / 12), daysAgo(1 / 12));

  const decoded = await trueTypeFont(chunk);
  assert.equal(typeof decoded, 'object');
  const { id, bytes } = decoded as { id: string; bytes: Uint8Array };
  assert.equal(Buffer.from(bytes).readUInt32BE(0), 0x00010000, 'TrueType outlines');
  assert.deepEqual(readFileSync(id), Buffer.from(bytes), 'kept in the cache');
  assert.ok(!existsSync(stale) && !existsSync(legacy) && !existsSync(crashed), 'unused entries and leftovers are removed');
  assert.ok(existsSync(recent), 'an entry another version may be using is kept');

  // The same package installed elsewhere (another checkout) finds the same entry.
  const other = tempDir('nianbao-other-checkout-');
  try {
    const files = join(other.dir, 'node_modules', 'lxgw-wenkai-webfont', 'files');
    mkdirSync(files, { recursive: true });
    copyFileSync(join(kaiDir, 'package.json'), join(other.dir, 'node_modules', 'lxgw-wenkai-webfont', 'package.json'));
    copyFileSync(chunk, join(files, basename(chunk)));
    // Mark the entry (a byte of its last table, so it stays a whole font) to tell a read from a remake.
    const marked = readFileSync(id);
    marked[marked.length - 1] = marked.at(-1)! ^ 0xff;
    writeFileSync(id, marked);
    const before = readdirSync(cache.dir).sort();
    const again = (await trueTypeFont(join(files, basename(chunk)))) as { id: string; bytes: Uint8Array };
    assert.equal(again.id, id);
    assert.deepEqual(Buffer.from(again.bytes), marked, 'read from the cache, not decoded again');
    assert.deepEqual(readdirSync(cache.dir).sort(), before, 'nothing new is written');

    // An entry cut short (a crash, a full disk) is not used: the font is decoded again.
    truncateSync(id, 4096);
    const third = join(other.dir, 'node_modules', 'lxgw-wenkai-webfont', 'files2', basename(chunk));
    mkdirSync(dirname(third));
    copyFileSync(chunk, third);
    const remade = (await trueTypeFont(third)) as { id: string; bytes: Uint8Array };
    assert.equal(remade.id, id);
    assert.deepEqual(Buffer.from(remade.bytes), Buffer.from(bytes), 'the whole font, not the cut one');
    assert.deepEqual(readFileSync(id), Buffer.from(bytes), 'and the entry is whole again');
  } finally {
    other.cleanup();
  }
});

test('a TrueType file is used as it is', async () => {
  assert.equal(await trueTypeFont('/some/font.ttf'), '/some/font.ttf');
});
