/** The checking stage: schema, meaning and profile rules, all problems reported at once. */

import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { checkHeadings } from './headings.js';
import { buildReport, type Report } from './model.js';
import type { Profile } from './profile.js';
import { checkSchema } from './schema.js';
import type { SourceFile } from './source.js';
import type { ParsedYaml } from './yaml.js';

/** The outcome of validation: the report (when it can be rendered) and every diagnostic. */
export interface Validated {
  readonly report?: Report;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validates a parsed document against the schema and its profile. Pure. */
export function validateReport(source: SourceFile, parsed: ParsedYaml, profile: Profile): Validated {
  const schemaDiagnostics = checkSchema(parsed.value, parsed.spans, source);
  const { report, diagnostics } = buildReport(parsed.value, parsed.spans, source);
  const headingDiagnostics = checkHeadings(report.sections, profile, parsed.spans, source);
  const all = sortDiagnostics([...schemaDiagnostics, ...diagnostics, ...headingDiagnostics]);
  return hasErrors(all) ? { diagnostics: all } : { report, diagnostics: all };
}
