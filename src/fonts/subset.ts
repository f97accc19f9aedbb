/**
 * Font subsetting with HarfBuzz (harfbuzzjs). With `retainGids` every glyph keeps its index in
 * the source font (HB_SUBSET_FLAGS_RETAIN_GIDS), so the glyph numbers in a PDF depend only on
 * the glyphs a document uses, not on the other characters of the run. Each source font is
 * loaded into HarfBuzz once per process.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x00000002;

let harfbuzz: Promise<HarfBuzz> | undefined;

function loadHarfBuzz(): Promise<HarfBuzz> {
  harfbuzz ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const hb = instance.exports as unknown as HarfBuzz;
    hb._initialize();
    return hb;
  })();
  return harfbuzz;
}

/** A font to cut: a file, or bytes made in this process (a cached base font) under an id. */
export type FontSource = string | { readonly id: string; readonly bytes: Uint8Array };

const faces = new Map<string, Promise<number>>();

/** The HarfBuzz face of a TrueType font, loaded once per process. */
function faceOf(hb: HarfBuzz, source: FontSource): Promise<number> {
  const key = typeof source === 'string' ? source : source.id;
  let face = faces.get(key);
  if (!face) {
    face = (async () => {
      const bytes: Uint8Array = typeof source === 'string' ? readFileSync(source) : source.bytes;
      const ptr = hb.malloc(bytes.byteLength);
      new Uint8Array(hb.memory.buffer).set(bytes, ptr);
      const blob = hb.hb_blob_create(ptr, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
      const created = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      return created;
    })();
    faces.set(key, face);
  }
  return face;
}

/** A TrueType font holding the glyphs of `chars` and their layout alternates. */
export async function subsetFont(source: FontSource, chars: string, options: { readonly retainGids: boolean }): Promise<Buffer> {
  const file = typeof source === 'string' ? source : source.id;
  const hb = await loadHarfBuzz();
  const face = await faceOf(hb, source);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('HarfBuzz could not create a subset input');
  let subset = 0;
  try {
    // Keep every layout feature (vertical forms, ligatures) for the glyphs kept.
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    if (options.retainGids) hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_RETAIN_GIDS);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of chars) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    subset = hb.hb_subset_or_fail(face, input);
    if (!subset) throw new Error(`HarfBuzz could not subset ${file}`);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const ptr = hb.hb_blob_get_data(blob, 0);
    const length = hb.hb_blob_get_length(blob);
    if (!length) throw new Error(`HarfBuzz returned an empty subset of ${file}`);
    return Buffer.from(new Uint8Array(hb.memory.buffer, ptr, length));
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}
