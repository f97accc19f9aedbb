/** Checks a report's top-level headings against its profile: present, in order, standard wording. */

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

  // Which named (non-any) rule each section satisfies.
  const matches = sections.map((s) => {
    const index = rules.findIndex((r) => !r.any && fit(r, s.heading) !== undefined);
    return index < 0 ? undefined : { index, fit: fit(rules[index]!, s.heading)! };
  });

  const found = new Map<number, number>(); // rule index → section index
  let highest = -1;
  let highestSection = -1;
  matches.forEach((m, si) => {
    if (!m || found.has(m.index)) return;
    found.set(m.index, si);
    const section = sections[si]!;
    if (m.fit === 'variant') {
      diagnostics.push(diagnosticAt(source, headingAt(section), 'NB3004', 'warning', { found: section.heading, title: rules[m.index]!.title }, section.path));
    }
    if (m.index < highest) {
      diagnostics.push(
        diagnosticAt(source, headingAt(section), 'NB3002', 'error', { title: rules[m.index]!.title, before: sections[highestSection]!.heading }, section.path),
      );
    } else {
      highest = m.index;
      highestSection = si;
    }
  });

  rules.forEach((rule, ri) => {
    if (found.has(ri)) return;
    // The section just before the next matched rule's section, if any, fills an `any` rule.
    const nextMatched = [...found.entries()].filter(([r]) => r > ri).sort((a, b) => a[0] - b[0])[0];
    const prevMatched = [...found.entries()].filter(([r]) => r < ri).sort((a, b) => b[0] - a[0])[0];
    const from = prevMatched ? prevMatched[1] + 1 : 0;
    const to = nextMatched ? nextMatched[1] : sections.length;
    if (rule.any && to > from) return;
    const anchor = sections[to] ?? sections[sections.length - 1];
    const after = to > 0 ? sections[to - 1]?.heading : undefined;
    const offset = anchor ? (sections[to] ? headingAt(anchor) : spans.get(anchor.path)?.end) : spans.get('/sections')?.start;
    diagnostics.push(diagnosticAt(source, offset, 'NB3001', 'error', { title: rule.title, ...(after ? { after } : {}) }, '/sections'));
  });

  const ruleOf = sections.map((_, si) => [...found.entries()].find(([, s]) => s === si)?.[0]);
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
