/**
 * Loading a profile folder: profile.yaml and tables.yaml (each checked against its schema), the
 * template, partials and CSS, on top of the profile it extends and the shared base.
 */

import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { checkSchema } from '../checks/schema.js';
import { sourceFromText } from '../source/source.js';
import { parseYaml } from '../source/yaml.js';
import { parseTableDefs, TableDefError, type TableDef } from '../tables/definitions.js';
import { tablePaths } from '../tables/lookup.js';
import { ProfileFiles } from './files.js';
import { builtinProfiles, isProfilePath, ProfileError, resolveProfileDir, TEMPLATES_DIR, type Profile, type ProseCheck } from './profile.js';
import { readDeadlines, readHeadingRules, readPlausibility, readProseChecks, readYears } from './rules.js';

/** Partials and CSS that every profile starts from; a profile's own files override them. */
const BASE_DIR = join(TEMPLATES_DIR, '_base');

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
  const proseChecks = mergeProseChecks(name, parent?.proseChecks ?? [], rules.prose_checks !== undefined ? readProseChecks(name, rules.prose_checks) : [], tables);
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
 * A profile's prose phrases: its parent's whose cells its tables have, then its own, which
 * must each name cells of its tables.
 */
function mergeProseChecks(profile: string, inherited: readonly ProseCheck[], own: readonly ProseCheck[], tables: readonly TableDef[]): ProseCheck[] {
  const cells = new Set(tablePaths(tables));
  for (const check of own) {
    const unknown = check.values.find((v) => !cells.has(v));
    if (unknown) throw new ProfileError('invalid', profile, `prose_checks ${check.label} names ${unknown}, which is not a cell of the tables`);
  }
  return [...inherited.filter((c) => c.values.every((v) => cells.has(v))), ...own];
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

