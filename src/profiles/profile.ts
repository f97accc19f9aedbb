/** Profiles: a report format as a folder of declarative rules, a Handlebars template and CSS. */

import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchema } from '../checks/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { ProfileFiles } from './files.js';
import { sourceFromText } from '../source/source.js';
import { findRow, parseTableDefs, TableDefError, type TableDef } from '../tables/definitions.js';
import { parseYaml } from '../source/yaml.js';

/** The folder of built-in profiles (`templates/` in the package). */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
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
  /** Key of the table rendered in this section, if any. */
  readonly table?: string;
  /** Sub-headings `nianbao init` writes under this heading. */
  readonly subsections?: readonly string[];
  /** The text `nianbao init` writes for this section. */
  readonly placeholder?: string;
}

/** A row of a table, as `table.row.path` names it: the table's key and the row's path in it. */
export interface RowRef {
  readonly table: string;
  readonly row: string;
}

/** The cells the plausibility warnings compare (spec §3.2); each check runs only when its cells are named. */
export interface PlausibilityCells {
  /** C1: this year's carried-over row equals last year's carried-forward row, column by column. */
  readonly carryOver?: { readonly thisYear: RowRef; readonly lastYear: RowRef };
  /** C2: documents in force ≈ last year's + issued − repealed (columns of one row). */
  readonly inForce?: { readonly row: RowRef; readonly issued: string; readonly repealed: string; readonly inForce: string };
  /** C3: the row of 规章, which a body below the city level cannot make. */
  readonly rules?: RowRef;
  /** C6: the fee in 万元, which looks typed in 元 when large. */
  readonly fee?: RowRef;
}

/** A phrase in prose that states a table quantity, e.g. "予以公开12件" (spec §3.1, I8). */
export interface ProseCheck {
  /** What the phrase names, in the format's words (for messages). */
  readonly label: string;
  /** Matches the phrase; the stated number is the named group `n`. */
  readonly pattern: RegExp;
  /** Table paths whose sum the number must equal, e.g. `requests.results.granted.total`. */
  readonly values: readonly string[];
}

/** Legal publication deadlines as month-day of the following year, by publisher. */
export interface Deadlines {
  readonly department: string;
  readonly government: string;
}

/** A loaded profile: rules as data, template sources as text. Rendering compiles them. */
export interface Profile {
  readonly name: string;
  readonly dir: string;
  readonly description: string;
  readonly headings: readonly HeadingRule[];
  /** Top-level sections beyond the required ones are reported (the national format has six). */
  readonly onlyRequiredHeadings: boolean;
  /** Report years the profile is for, inclusive; and the profile to suggest otherwise. */
  readonly years?: { readonly from?: number; readonly to?: number; readonly otherwise?: string };
  readonly deadlines?: Deadlines;
  readonly tables: readonly TableDef[];
  readonly proseChecks: readonly ProseCheck[];
  readonly plausibility: PlausibilityCells;
  /** For `nianbao init`: the format's document, named in the opening paragraph. */
  readonly formatDocument?: string;
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
    /** Problems at their place in the profile's own files (profile.yaml, tables.yaml). */
    readonly diagnostics: readonly Diagnostic[] = [],
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

/** The folder a report's `profile:` names when it is a custom profile folder (with a profile.yaml). */
export function customProfileDir(ref: string | undefined, baseDir: string): string | undefined {
  if (!ref || !isProfilePath(ref)) return undefined;
  const dir = resolve(baseDir, ref);
  return existsSync(join(dir, 'profile.yaml')) ? dir : undefined;
}

/**
 * Which profile a report uses, and the folder its name is resolved from: `--profile` (from the
 * working folder) wins over the report's own `profile:` (from the report's folder). Undefined
 * when neither names one.
 */
export function profileRefFor(reportPath: string, doc: unknown, optionProfile?: string): { ref: string; baseDir: string } | undefined {
  if (optionProfile !== undefined) return { ref: optionProfile, baseDir: process.cwd() };
  const named = typeof doc === 'object' && doc !== null ? (doc as { profile?: unknown }).profile : undefined;
  return typeof named === 'string' ? { ref: named, baseDir: dirname(resolve(reportPath)) } : undefined;
}

/**
 * Reads a profile folder: profile.yaml, tables.yaml, the template, partials and CSS. A profile
 * may `extends` a built-in profile; its own files override the parent's. A profile reads
 * nothing outside its own folder but the built-in templates: `template`, `tables` and partials
 * are file names inside the folder, and `extends` names a built-in profile, never a path.
 */
export function loadProfile(dir: string, files: ProfileFiles = new ProfileFiles(), seen: readonly string[] = []): Profile {
  try {
    return readProfile(dir, files, seen);
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    // A file the folder names that cannot be read (a folder, no permission…) is the profile's fault.
    throw new ProfileError('invalid', basename(dir), (error as Error).message);
  }
}

/**
 * The text of a file of a profile folder: a regular file that really is inside the folder
 * (no symbolic link out of it), or undefined when there is none.
 */
function readInside(files: ProfileFiles, folder: string, path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const info = lstatSync(path);
  if (!info.isFile() || !realpathSync(path).startsWith(realpathSync(folder) + sep)) {
    throw new ProfileError('invalid', basename(folder), `${path} is not a regular file inside the profile folder`);
  }
  if (info.size > MAX_PROFILE_FILE) throw new ProfileError('invalid', basename(folder), `${path} is larger than ${MAX_PROFILE_FILE} bytes`);
  return files.read(path).toString('utf8');
}

/** Profile files are small; a larger one is a mistake (or a device) and is refused. */
const MAX_PROFILE_FILE = 2 * 1024 * 1024;

function readProfile(dir: string, files: ProfileFiles, seen: readonly string[]): Profile {
  const name = basename(dir);
  if (seen.includes(dir)) throw new ProfileError('invalid', name, `extends itself through ${seen.map((d) => basename(d)).join(' → ')}`);
  const rules = readYamlFile(files, dir, join(dir, 'profile.yaml'), 'profile', true) as Record<string, unknown>;
  if (typeof rules.extends === 'string' && isProfilePath(rules.extends)) {
    throw new ProfileError('invalid', name, `extends must name a built-in profile (${builtinProfiles().join(', ')}), not a path`);
  }
  const parent = typeof rules.extends === 'string' ? loadProfile(resolveProfileDir(rules.extends, dir), files, [...seen, dir]) : undefined;

  const templateFile = typeof rules.template === 'string' ? basename(rules.template) : 'report.hbs';
  const templatePath = join(dir, templateFile);
  const template = readInside(files, dir, templatePath) ?? parent?.template;
  if (template === undefined) throw new ProfileError('invalid', name, `${templatePath} is missing`);

  const tablesFile = join(dir, typeof rules.tables === 'string' ? basename(rules.tables) : 'tables.yaml');
  let tables = parent?.tables ?? [];
  if (existsSync(tablesFile)) {
    try {
      tables = parseTableDefs(readYamlFile(files, dir, tablesFile, 'tables', false));
    } catch (error) {
      if (error instanceof TableDefError) throw new ProfileError('invalid', name, `${tablesFile}: ${error.message}`);
      throw error;
    }
  }
  const headings = rules.headings !== undefined ? readHeadingRules(name, rules.headings) : parent?.headings ?? [];
  for (const rule of headings) {
    if (rule.table && !tables.some((t) => t.key === rule.table)) throw new ProfileError('invalid', name, `heading ${rule.title} names unknown table ${rule.table}`);
  }
  const years = readYears(rules.years) ?? parent?.years;
  const deadlines = readDeadlines(rules.deadlines) ?? parent?.deadlines;
  const formatDocument = (rules.skeleton as { format?: string } | undefined)?.format ?? parent?.formatDocument;
  const proseChecks = rules.prose_checks !== undefined ? readProseChecks(name, rules.prose_checks) : parent?.proseChecks ?? [];
  const ownCss = join(dir, 'style.css');
  return {
    name: typeof rules.name === 'string' ? rules.name : name,
    dir,
    description: typeof rules.description === 'string' ? rules.description : '',
    headings,
    onlyRequiredHeadings: typeof rules.only_required_headings === 'boolean' ? rules.only_required_headings : parent?.onlyRequiredHeadings ?? false,
    ...(years ? { years } : {}),
    ...(deadlines ? { deadlines } : {}),
    tables,
    proseChecks,
    plausibility: rules.plausibility !== undefined ? readPlausibility(name, rules.plausibility, tables) : parent?.plausibility ?? {},
    ...(formatDocument ? { formatDocument } : {}),
    template,
    partials: { ...(parent?.partials ?? readPartials(files, BASE_DIR, join(BASE_DIR, 'partials'))), ...readPartials(files, dir, join(dir, 'partials')) },
    css: [parent?.css ?? readInside(files, BASE_DIR, join(BASE_DIR, 'base.css')) ?? '', readInside(files, dir, ownCss) ?? ''].filter(Boolean).join('\n'),
  };
}

/**
 * Reads profile.yaml or tables.yaml and checks it against its JSON Schema, with the same
 * validator as reports: every problem is a diagnostic at its file, line and column.
 */
function readYamlFile(files: ProfileFiles, folder: string, path: string, schema: 'profile' | 'tables', required: boolean): unknown {
  const profile = basename(folder);
  const text = readInside(files, folder, path);
  if (text === undefined) {
    if (required) throw new ProfileError('invalid', profile, `${path} is missing`);
    return undefined;
  }
  const source = sourceFromText(path, text);
  const { parsed, diagnostics } = parseYaml(source);
  const problems = parsed && !diagnostics.length ? checkSchema(parsed.value ?? {}, parsed.spans, source, schema) : diagnostics;
  if (problems.length) {
    const first = problems[0]!;
    const where = first.position ? `:${first.position.line}:${first.position.column}` : '';
    throw new ProfileError('invalid', profile, `${path}${where}`, problems);
  }
  return parsed!.value ?? {};
}

function readPartials(files: ProfileFiles, folder: string, dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const partials: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.hbs')) partials[file.slice(0, -4)] = readInside(files, folder, join(dir, file)) ?? '';
  }
  return partials;
}

function readYears(value: unknown): Profile['years'] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.from === 'number' ? { from: v.from } : {}),
    ...(typeof v.to === 'number' ? { to: v.to } : {}),
    ...(typeof v.otherwise === 'string' ? { otherwise: v.otherwise } : {}),
  };
}

function readDeadlines(value: unknown): Deadlines | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const day = (x: unknown, fallback: string) => (typeof x === 'string' && /^\d{2}-\d{2}$/.test(x) ? x : fallback);
  return { department: day(v.department, '01-31'), government: day(v.government, '03-31') };
}

function readProseChecks(profile: string, value: unknown): ProseCheck[] {
  if (!Array.isArray(value)) throw new ProfileError('invalid', profile, 'prose_checks must be a list');
  return value.map((item, i) => {
    const c = (item ?? {}) as Record<string, unknown>;
    const values = Array.isArray(c.values) ? c.values.map(String) : typeof c.value === 'string' ? [c.value] : [];
    if (typeof c.words !== 'string' || values.length === 0) throw new ProfileError('invalid', profile, `prose_checks[${i + 1}] needs words and value(s)`);
    try {
      // The phrase, then optional 共/为/计, then the number and a measure word.
      const pattern = new RegExp(`(?:${c.words})(?:共计|合计|共|为|计|了)?\\s*(?<n>\\d+)\\s*(?:件|条|个|起|次|项)`, 'gu');
      return { label: typeof c.label === 'string' ? c.label : c.words, pattern, values };
    } catch (error) {
      throw new ProfileError('invalid', profile, `prose_checks[${i + 1}]: ${(error as Error).message}`);
    }
  });
}

function readHeadingRules(profile: string, value: unknown): HeadingRule[] {
  if (!Array.isArray(value)) throw new ProfileError('invalid', profile, 'headings must be a list');
  return value.map((item, i) => {
    const rule = (item ?? {}) as Record<string, unknown>;
    if (typeof rule.title !== 'string') throw new ProfileError('invalid', profile, `headings[${i + 1}] has no title`);
    return {
      title: rule.title,
      any: rule.any === true,
      accept: patterns(profile, rule.accept),
      variants: patterns(profile, rule.variants),
      ...(typeof rule.table === 'string' ? { table: rule.table } : {}),
      ...(Array.isArray(rule.subsections) ? { subsections: rule.subsections.map(String) } : {}),
      ...(typeof rule.placeholder === 'string' ? { placeholder: rule.placeholder } : {}),
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

/** The plausibility block of profile.yaml (its shape is checked by the schema): each row it names must be in the tables. */
function readPlausibility(profile: string, value: unknown, tables: readonly TableDef[]): PlausibilityCells {
  const v = value as {
    carry_over?: { this_year: string; last_year: string };
    in_force?: { row: string; issued: string; repealed: string; in_force: string };
    rules?: string;
    fee?: string;
  };
  const row = (ref: string): RowRef => {
    const [table, ...path] = ref.split('.');
    const def = tables.find((t) => t.key === table);
    if (!def || !findRow(def.rows, path.join('.'))) throw new ProfileError('invalid', profile, `plausibility names ${ref}, which is not a row of the tables`);
    return { table: table!, row: path.join('.') };
  };
  return {
    ...(v.carry_over ? { carryOver: { thisYear: row(v.carry_over.this_year), lastYear: row(v.carry_over.last_year) } } : {}),
    ...(v.in_force ? { inForce: { row: row(v.in_force.row), issued: v.in_force.issued, repealed: v.in_force.repealed, inForce: v.in_force.in_force } } : {}),
    ...(v.rules ? { rules: row(v.rules) } : {}),
    ...(v.fee ? { fee: row(v.fee) } : {}),
  };
}
