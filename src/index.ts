/** nianbao's programmatic API. */

export { build, check, documentDate, init } from './run/api.js';
export type { BuildOptions, CheckOptions, FileResult, InitOptions, OutputFormat, RunResult } from './run/api.js';
export type { Diagnostic, Position, Severity } from './diagnostics.js';
export { formatDiagnostic, formatRun } from './report/pretty.js';
export { runToGithub } from './report/github.js';
export { JSON_SCHEMA_VERSION, runToJson } from './report/json.js';
export type { Lang } from './messages/lang.js';
export { messageFor } from './messages/diagnostics.js';
export { VERSION } from './version.js';
