/** Checks a report's top-level headings against its profile: present, in order, standard wording. */

import { distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics.js';
import type { Section } from '../model/model.js';
import type { HeadingRule, Profile } from '../profiles/profile.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { SpanMap } from '../source/yaml.js';

/** How a heading's wording relates to a rule. */
type Fit = 'standard' | 'variant' | undefined;

/** Normalises a heading for comparison: no trailing punctuation, no inner spaces. */
function normalise(heading: string): string {
  return heading.replace(/[\s\u3000]+/g, '').replace(/[。：:．.，,；;]+$/u, '');
}

function fit(rule: HeadingRule, heading: string): Fit {
  const text = normalise(heading);
  if (text === normalise(rule.title) || rule.accept.some((re) => re.test(text))) return 'standard';
  if (rule.variants.some((re) => re.test(text))) return 'variant';
  return undefined;
}

/** The rules a heading satisfies, and how: one rule, or a rule and its partner for a combined part. */
function matchOf(rules: readonly HeadingRule[], heading: string): { rules: number[]; fit: Exclude<Fit, undefined> } | undefined {
  const text = normalise(heading);
  const combined = rules.findIndex((r) => r.combined?.accept.some((re) => re.test(text)));
  if (combined >= 0) return { rules: [combined, rules[combined]!.combined!.with], fit: 'standard' };
  const index = rules.findIndex((r) => !r.any && fit(r, heading) !== undefined);
  return index < 0 ? undefined : { rules: [index], fit: fit(rules[index]!, heading)! };
}

/**
 * The unmatched section between `from` and `to` whose heading is within a character or two of
 * the rule's title (one for short titles), or -1.
 */
function nearMiss(rule: HeadingRule, sections: readonly Section[], from: number, to: number, taken: ReadonlySet<number>): number {
  const title = normalise(rule.title);
  const allowed = title.length >= 10 ? 2 : 1;
  let best = -1;
  let bestDistance = allowed + 1;
  for (let si = from; si < Math.min(to, sections.length); si++) {
    if (taken.has(si)) continue;
    const d = distance(normalise(sections[si]!.heading), title);
    if (d <= allowed && d < bestDistance) [best, bestDistance] = [si, d];
  }
  return best;
}

/** The outcome of matching: diagnostics, and the rule (index) each top-level section fills. */
export interface HeadingMatch {
  readonly diagnostics: Diagnostic[];
  readonly ruleOf: readonly (number | undefined)[];
}

/**
 * Matches top-level sections to the profile's required headings in order. A rule with
 * `any: true` is satisfied by whatever section stands at its place; other sections may
 * appear between required ones (reported as warnings when the profile allows only its own).
 */
export function checkHeadings(sections: readonly Section[], profile: Profile, spans: SpanMap, source: SourceFile): HeadingMatch {
  const rules = profile.headings;
  const diagnostics: Diagnostic[] = [];
  // No sections at all is the schema's finding (a required key); one message is enough.
  if (sections.length === 0) return { diagnostics, ruleOf: [] };
  const headingAt = (s: Section) => spans.get(`${s.path}/heading`)?.start;

  // Which named (non-any) rules each section satisfies: one, or two for a combined part.
  const matches = sections.map((s) => matchOf(rules, s.heading));

  // From the last rule back, each takes the last section that satisfies it before the section
  // of the rule after it: a work section that happens to name 措施 early does not take the place
  // of the improvements at the end. A combined part serves a rule and its partner.
  const found = new Map<number, number>(); // rule index → section index
  let bound = sections.length;
  const misplaced: number[] = [];
  for (let ri = rules.length - 1; ri >= 0; ri--) {
    if (rules[ri]!.any) continue;
    let pick = -1;
    for (let si = Math.min(bound, sections.length - 1); si >= 0 && pick < 0; si--) {
      const m = matches[si];
      if (!m?.rules.includes(ri)) continue;
      if (si < bound || m.rules.some((r) => r !== ri && found.get(r) === si)) pick = si;
    }
    if (pick >= 0) {
      found.set(ri, pick);
      bound = pick;
    } else if (matches.some((m) => m?.rules.includes(ri))) {
      misplaced.push(ri);
    }
  }
  // A part that stands only after a later one is out of order.
  for (const ri of misplaced) {
    const si = matches.findIndex((m, i) => m?.rules.includes(ri) && ![...found.values()].includes(i));
    if (si < 0) continue;
    const next = [...found.entries()].filter(([r]) => r > ri).sort((a, b) => a[0] - b[0])[0];
    found.set(ri, si);
    if (next) diagnostics.push(diagnosticAt(source, headingAt(sections[si]!), 'NB3002', 'error', { title: rules[ri]!.title, before: sections[next[1]]!.heading }, sections[si]!.path));
  }
  for (const [ri, si] of found) {
    const section = sections[si]!;
    if (fit(rules[ri]!, section.heading) === 'variant') {
      diagnostics.push(diagnosticAt(source, headingAt(section), 'NB3004', 'warning', { found: section.heading, title: rules[ri]!.title }, section.path));
    }
  }

  const taken = new Set(found.values());
  rules.forEach((rule, ri) => {
    if (found.has(ri)) return;
    // The sections between the matched rules before and after this one: where it belongs.
    const nextMatched = [...found.entries()].filter(([r]) => r > ri).sort((a, b) => a[0] - b[0])[0];
    const prevMatched = [...found.entries()].filter(([r]) => r < ri).sort((a, b) => b[0] - a[0])[0];
    const from = prevMatched ? prevMatched[1] + 1 : 0;
    const to = nextMatched ? nextMatched[1] : sections.length;
    if (rule.any && to > from) return;
    // A heading one or two characters off the required one is that heading, mistyped.
    const near = rule.any ? -1 : nearMiss(rule, sections, from, to, taken);
    if (near >= 0) {
      const section = sections[near]!;
      found.set(ri, near);
      taken.add(near);
      diagnostics.push(diagnosticAt(source, headingAt(section), 'NB3010', 'error', { found: section.heading, title: rule.title }, section.path));
      return;
    }
    // In a format of fixed parts, the one other section standing in its place is that part, renamed.
    const between = [...Array(Math.max(0, to - from)).keys()].map((k) => from + k).filter((si) => !taken.has(si));
    if (profile.onlyRequiredHeadings && between.length === 1) {
      const section = sections[between[0]!]!;
      found.set(ri, between[0]!);
      taken.add(between[0]!);
      diagnostics.push(diagnosticAt(source, headingAt(section), 'NB3011', 'error', { found: section.heading, title: rule.title }, section.path));
      return;
    }
    // Point at the section after which it belongs (or the first, when it belongs at the start).
    const after = to > 0 ? sections[to - 1] : undefined;
    const anchor = after ?? sections[0]!;
    diagnostics.push(diagnosticAt(source, headingAt(anchor), 'NB3001', 'error', { title: rule.title, ...(after ? { after: after.heading } : {}) }, '/sections'));
  });

  const ruleOf = sections.map((_, si) => [...found.entries()].sort((a, b) => a[0] - b[0]).find(([, s]) => s === si)?.[0]);
  if (profile.onlyRequiredHeadings) {
    sections.forEach((section, si) => {
      if (ruleOf[si] !== undefined) return;
      diagnostics.push(
        diagnosticAt(source, headingAt(section), 'NB3008', 'warning', { found: section.heading, titles: rules.map((r) => `“${r.title}”`).join('') }, section.path),
      );
    });
  }
  return { diagnostics, ruleOf };
}
