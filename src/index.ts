/** nianbao's programmatic API. */

export { build, check, documentDate, init } from './api.js';
export type { BuildOptions, CheckOptions, FileResult, InitOptions, OutputFormat, RunResult } from './api.js';
export type { Diagnostic, Position, Severity } from './diagnostics.js';
export { formatDiagnostic, formatRun } from './reporter.js';
export { runToGithub } from './reporter-github.js';
export { JSON_SCHEMA_VERSION, runToJson } from './reporter-json.js';
export type { Lang } from './messages.js';
export { messageFor } from './messages.js';
export { VERSION } from './version.js';
