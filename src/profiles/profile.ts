/**
 * Profiles: a report format as a folder of declarative rules, a Handlebars template and CSS.
 * What a loaded profile holds, and where a profile is found; load.ts reads one.
 */

import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import type { TableDef } from '../tables/definitions.js';

/** The folder of built-in profiles (`templates/` in the package). */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

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
  /** The title and every accepted wording, unanchored: how a sentence names this part (NB6008). */
  readonly mentions: readonly RegExp[];
  /** Key of the table rendered in this section, if any. */
  readonly table?: string;
  /** Sub-headings `nianbao init` writes under this heading. */
  readonly subsections?: readonly string[];
  /** The text `nianbao init` writes for this section. */
  readonly placeholder?: string;
  /**
   * One part that names this rule's subject and a later rule's (e.g. 存在的主要问题和改进措施)
   * satisfies both: the later rule's index, and the wordings of such a part.
   */
  readonly combined?: { readonly with: number; readonly accept: readonly RegExp[] };
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
  /** The words before the number, as a regular expression's source (no capturing groups). */
  readonly words: string;
  /** Table paths whose sum the number must equal, e.g. `requests.results.granted.total`. */
  readonly values: readonly string[];
  /** The quantity is an amount in 万元 (a fee), not a count of 件. */
  readonly amount: boolean;
  /** `件`: counted only in 件 (applications), not 条 or 项; otherwise any measure word. */
  readonly unit?: '件' | '万元';
}

/** Legal publication deadlines as month-day of the following year, by publisher. */
export interface Deadlines {
  readonly department: string;
  readonly government: string;
  /** The provision that sets them, for the warning. */
  readonly law: string;
  /** They bind 乡镇 and 街道 too. */
  readonly townships: boolean;
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

/** The custom profile folder a report uses (see profileRefFor), or undefined for a built-in profile or none. */
export function customProfileOf(reportPath: string, doc: unknown, optionProfile?: string): string | undefined {
  const located = profileRefFor(reportPath, doc, optionProfile);
  return located && customProfileDir(located.ref, located.baseDir);
}
