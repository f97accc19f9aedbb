/**
 * nianbao's programmatic API. A report goes through these steps, each owned by one folder:
 *
 * 1. cli/       flags become options (options.ts), the API runs, results become an exit code; signals.
 * 2. run/       inputs expanded and sharded, the per-file pipeline and the batch queue, skipping
 *               what is unchanged (incremental.ts), writing outputs whole (write.ts).
 * 3. source/    bytes → text (decode.ts) → YAML with positions (yaml.ts), each input read once (read.ts).
 * 4. profiles/  the report's format: which profile, its rules (profile.yaml), tables and templates.
 * 5. checks/    schema, headings, prose numbers and plausibility: diagnostics, never exceptions.
 * 6. model/     the parsed YAML as a Report: sections numbered, references resolved.
 * 7. tables/    the format's tables: definitions (tables.yaml), reading cells, arithmetic, lookup.
 * 8. render/    Report + profile → one self-contained HTML page (pure).
 * 9. fonts/     the bundled faces cut to the characters the run's reports show.
 * 10. print/    everything that needs the browser: finding, starting, printing to PDF, metadata.
 * 11. report/   results → text for people, JSON, GitHub annotations; code frames.
 * 12. site/     build results (one run's, or every shard's) → an index page of the reports, their files beside it.
 * 13. summary/     many departments' reports summed into one set of tables, with the list of who sent what and when.
 * messages/     every user-visible text, Chinese and English side by side.
 */

export { build, check, documentDate, init } from './run/api.js';
export type { BuildOptions, CheckOptions, FileResult, InitOptions, OutputFormat, RunResult } from './run/api.js';
export type { Diagnostic, Position, Severity } from './diagnostics.js';
export { formatDiagnostic, formatRun } from './report/pretty.js';
export { runToGithub } from './report/github.js';
export { JSON_SCHEMA_VERSION, runToJson } from './report/json.js';
export type { Lang } from './messages/lang.js';
export { messageFor } from './messages/diagnostics.js';
export { VERSION } from './version.js';
export { SiteError, writeSite, writeSiteOfFolder, writeSiteOfRun } from './site/site.js';
export type { SiteOptions, SiteResult } from './site/site.js';
export { summarize } from './summary/run.js';
export type { SummaryOptions, SummaryResult } from './summary/run.js';
