/**
 * Property-based fuzzing: valid reports, mutated at random (lines deleted, doubled, swapped,
 * cut short; YAML punctuation, tabs, CJK and control characters inserted; numbers replaced by
 * odd values), go through the whole pure pipeline. No exception may escape, every diagnostic
 * has a file position, and whatever validates also renders.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { skeletonYaml } from '../src/profiles/skeleton.js';
import { loadProfile } from '../src/profiles/load.js';
import { TEMPLATES_DIR, type Profile } from '../src/profiles/profile.js';
import { renderHtml } from '../src/render/render.js';
import { sourceFromText } from '../src/source/source.js';
import { validateReport } from '../src/checks/validate.js';
import { parseYaml } from '../src/source/yaml.js';
import { nationalExample, ROOT } from './helpers.js';

const profiles: Record<string, Profile> = {
  'free-form': loadProfile(join(TEMPLATES_DIR, 'free-form')),
  'gov-2021': loadProfile(join(TEMPLATES_DIR, 'gov-2021')),
};
const bases: [string, string][] = [
  ['free-form', readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8')],
  ['free-form', readFileSync(join(ROOT, 'examples', 'tieshan-2015.yaml'), 'utf8')],
  ['gov-2021', skeletonYaml(profiles['gov-2021']!, { year: 2024, organization: '测试局', schemaPath: 'x' })],
  ['gov-2021', nationalExample()],
];

const pieces = [':', ': ', '-', '- ', '[', ']', '{', '}', '"', "'", '#', '&a', '*a', '!', '|', '>', '%', '@', '`', '\t', '\n', '  ', '{{', '}}', '{{figures.x}}', '{{tables.requests.new.total}}', '**', '<script>', '一、', '（一）', '\u0000', '\u0007', '\ufeff', '\r', '9007199254740993', '-1', '.nan', '1.5', '"3"', '~', 'null', 'yes', '2016-02-30', '中文', '：'];

type Mutation = (lines: string[]) => string[];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (lines) => lines.filter((_, j) => j !== i % lines.length)),
  fc.nat().map((i): Mutation => (lines) => lines.flatMap((l, j) => (j === i % lines.length ? [l, l] : [l]))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (lines) => {
    const out = [...lines];
    const [x, y] = [a % out.length, b % out.length];
    [out[x], out[y]] = [out[y]!, out[x]!];
    return out;
  }),
  fc.nat().map((i): Mutation => (lines) => lines.slice(0, 1 + (i % lines.length))),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...pieces)).map(([i, at, piece]): Mutation => (lines) =>
    lines.map((l, j) => (j === i % lines.length ? l.slice(0, at % (l.length + 1)) + piece + l.slice(at % (l.length + 1)) : l)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...pieces)).map(([i, piece]): Mutation => (lines) =>
    lines.map((l, j) => (j === i % lines.length ? l.replace(/\d+(\.\d+)?/, piece) : l)),
  ),
);

test('mutated reports never throw, and every diagnostic has a position', () => {
  fc.assert(
    fc.property(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 4 }), ([profileName, text], mutations) => {
      const mutated = mutations.reduce((lines, m) => m(lines), text.split('\n')).join('\n');
      const source = sourceFromText('fuzz.yaml', mutated);
      const { parsed, diagnostics } = parseYaml(source);
      for (const d of diagnostics) assert.ok(d.position, `${d.code} has a position`);
      if (!parsed) return;
      const profile = profiles[profileName]!;
      const validated = validateReport(source, parsed, profile);
      for (const d of validated.diagnostics) assert.ok(d.position, `${d.code} has a position`);
      if (validated.report) assert.match(renderHtml(validated.report, profile, { version: 'fuzz' }), /<\/html>/);
    }),
    { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 20261126) },
  );
});
