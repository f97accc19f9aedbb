/** The rules of profile.yaml as a Profile holds them: heading wordings, prose checks and plausibility cells compiled, and named rows checked against the tables. */

import { findRow, type TableDef } from '../tables/definitions.js';
import { ProfileError, type Deadlines, type HeadingRule, type PlausibilityCells, type Profile, type ProseCheck, type RowRef } from './profile.js';

/** `years`: the report years the format is for, as far as given. */
export function readYears(value: unknown): Profile['years'] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.from === 'number' ? { from: v.from } : {}),
    ...(typeof v.to === 'number' ? { to: v.to } : {}),
    ...(typeof v.otherwise === 'string' ? { otherwise: v.otherwise } : {}),
  };
}

/** `deadlines`, with the law's defaults for what is not given. */
export function readDeadlines(value: unknown): Deadlines | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const day = (x: unknown, fallback: string) => (typeof x === 'string' && /^\d{2}-\d{2}$/.test(x) ? x : fallback);
  return {
    department: day(v.department, '01-31'),
    government: day(v.government, '03-31'),
    law: typeof v.law === 'string' ? v.law : '《中华人民共和国政府信息公开条例》第四十九条',
    townships: v.townships === true,
  };
}

/** `prose_checks`: each phrase's words must be a valid regular expression. */
export function readProseChecks(profile: string, value: unknown): ProseCheck[] {
  if (!Array.isArray(value)) throw new ProfileError('invalid', profile, 'prose_checks must be a list');
  return value.map((item, i) => {
    const c = (item ?? {}) as Record<string, unknown>;
    const values = Array.isArray(c.values) ? c.values.map(String) : typeof c.value === 'string' ? [c.value] : [];
    if (typeof c.words !== 'string' || values.length === 0) throw new ProfileError('invalid', profile, `prose_checks[${i + 1}] needs words and value(s)`);
    // The phrases are joined into one pattern: groups of their own would clash or count wrong.
    if (/\(\?<(?![=!])|\\k<|\\[1-9]/.test(c.words)) throw new ProfileError('invalid', profile, `prose_checks[${i + 1}]: words may not name groups or refer back to them; use (?:…)`);
    try {
      new RegExp(`(?:${c.words})`, 'u');
    } catch (error) {
      throw new ProfileError('invalid', profile, `prose_checks[${i + 1}]: ${(error as Error).message}`);
    }
    const unit = c.unit === '件' || c.unit === '万元' ? c.unit : undefined;
    return { label: typeof c.label === 'string' ? c.label : c.words, words: c.words, values, amount: unit === '万元', ...(unit ? { unit } : {}) };
  });
}

/** `headings`, their wordings compiled to patterns. */
export function readHeadingRules(profile: string, value: unknown): HeadingRule[] {
  if (!Array.isArray(value)) throw new ProfileError('invalid', profile, 'headings must be a list');
  const titles = value.map((item) => (item as Record<string, unknown> | null)?.title);
  return value.map((item, i) => {
    const rule = (item ?? {}) as Record<string, unknown>;
    if (typeof rule.title !== 'string') throw new ProfileError('invalid', profile, `headings[${i + 1}] has no title`);
    const combined = rule.combined as { with?: unknown; accept?: unknown } | undefined;
    const partner = combined ? titles.indexOf(combined.with, i + 1) : -1;
    if (combined && partner < 0) throw new ProfileError('invalid', profile, `headings[${i + 1}].combined.with must name a later heading's title`);
    return {
      title: rule.title,
      any: rule.any === true,
      accept: patterns(profile, rule.accept),
      variants: patterns(profile, rule.variants),
      mentions: [escapeRegExp(rule.title), ...wordings(rule.accept), ...wordings(rule.variants)].map((p) => new RegExp(p, 'u')),
      ...(typeof rule.table === 'string' ? { table: rule.table } : {}),
      ...(Array.isArray(rule.subsections) ? { subsections: rule.subsections.map(String) } : {}),
      ...(typeof rule.placeholder === 'string' ? { placeholder: rule.placeholder } : {}),
      ...(combined ? { combined: { with: partner, accept: patterns(profile, combined.accept) } } : {}),
    };
  });
}

function wordings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
export function readPlausibility(profile: string, value: unknown, tables: readonly TableDef[]): PlausibilityCells {
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
