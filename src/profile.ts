/** Profiles: a report format as a folder of declarative rules, a Handlebars template and CSS. */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFromText } from './source.js';
import { parseYaml } from './yaml.js';

/** The folder of built-in profiles (`templates/` in the package). */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
/** Partials and CSS that every profile starts from; a profile's own files override them. */
const BASE_DIR = join(TEMPLATES_DIR, '_base');

/** A required top-level heading, and the wordings that satisfy it. */
export interface HeadingRule {
  /** The standard wording, used in messages. */
  readonly title: string;
  /** Any wording is accepted (the section is identified by its position). */
  readonly any: boolean;
  /** Wordings accepted silently (the title itself is always accepted). */
  readonly accept: readonly RegExp[];
  /** Known variant wordings, accepted with a warning naming the standard wording. */
  readonly variants: readonly RegExp[];
}

/** A loaded profile: rules as data, template sources as text. Rendering compiles them. */
export interface Profile {
  readonly name: string;
  readonly dir: string;
  readonly description: string;
  readonly headings: readonly HeadingRule[];
  readonly template: string;
  readonly partials: Readonly<Record<string, string>>;
  readonly css: string;
}

/** Why a profile could not be loaded: unknown name, or a broken profile folder. */
export class ProfileError extends Error {
  constructor(
    readonly kind: 'not-found' | 'invalid',
    readonly profile: string,
    readonly reason: string,
  ) {
    super(`${kind === 'not-found' ? 'unknown profile' : 'invalid profile'} ${profile}: ${reason}`);
    this.name = 'ProfileError';
  }
}

/** Names of the profiles shipped with nianbao. */
export function builtinProfiles(): string[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((name) => !name.startsWith('_') && existsSync(join(TEMPLATES_DIR, name, 'profile.yaml')))
    .sort();
}

/** True when a profile reference names a folder rather than a built-in profile. */
export function isProfilePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || ref.startsWith('.') || isAbsolute(ref);
}

/** Resolves a profile reference (built-in name, or a folder relative to `baseDir`) to a folder. */
export function resolveProfileDir(ref: string, baseDir: string): string {
  if (!isProfilePath(ref)) {
    const dir = join(TEMPLATES_DIR, ref);
    if (ref.startsWith('_') || !existsSync(join(dir, 'profile.yaml'))) {
      throw new ProfileError('not-found', ref, `available: ${builtinProfiles().join(', ')}`);
    }
    return dir;
  }
  const dir = resolve(baseDir, ref);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ProfileError('not-found', ref, `no folder ${dir}`);
  return dir;
}

/** Reads a profile folder: profile.yaml, the template, partials and CSS (base first). */
export function loadProfile(dir: string): Profile {
  const name = basename(dir);
  const rulesPath = join(dir, 'profile.yaml');
  if (!existsSync(rulesPath)) throw new ProfileError('invalid', name, `${rulesPath} is missing`);
  const { parsed, diagnostics } = parseYaml(sourceFromText(rulesPath, readFileSync(rulesPath, 'utf8')));
  if (!parsed || diagnostics.length) throw new ProfileError('invalid', name, `${rulesPath}: ${String(diagnostics[0]?.params.reason ?? 'YAML error')}`);
  const rules = parsed.value as Record<string, unknown>;
  const templateFile = typeof rules.template === 'string' ? rules.template : 'report.hbs';
  const templatePath = join(dir, basename(templateFile));
  if (!existsSync(templatePath)) throw new ProfileError('invalid', name, `${templatePath} is missing`);

  return {
    name: typeof rules.name === 'string' ? rules.name : name,
    dir,
    description: typeof rules.description === 'string' ? rules.description : '',
    headings: readHeadingRules(name, rules.headings),
    template: readFileSync(templatePath, 'utf8'),
    partials: { ...readPartials(join(BASE_DIR, 'partials')), ...readPartials(join(dir, 'partials')) },
    css: [join(BASE_DIR, 'base.css'), join(dir, 'style.css')].filter(existsSync).map((f) => readFileSync(f, 'utf8')).join('\n'),
  };
}

function readPartials(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const partials: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.hbs')) partials[file.slice(0, -4)] = readFileSync(join(dir, file), 'utf8');
  }
  return partials;
}

function readHeadingRules(profile: string, value: unknown): HeadingRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ProfileError('invalid', profile, 'headings must be a list');
  return value.map((item, i) => {
    const rule = (item ?? {}) as Record<string, unknown>;
    if (typeof rule.title !== 'string') throw new ProfileError('invalid', profile, `headings[${i + 1}] has no title`);
    return {
      title: rule.title,
      any: rule.any === true,
      accept: patterns(profile, rule.accept),
      variants: patterns(profile, rule.variants),
    };
  });
}

function patterns(profile: string, value: unknown): RegExp[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ProfileError('invalid', profile, 'accept/variants must be lists');
  return value.map((p) => {
    try {
      return new RegExp(`^(?:${String(p)})$`, 'u');
    } catch (error) {
      throw new ProfileError('invalid', profile, `bad pattern ${String(p)}: ${(error as Error).message}`);
    }
  });
}
