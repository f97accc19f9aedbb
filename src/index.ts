/** nianbao's programmatic API. */

export { build, check, documentDate } from './api.js';
export type { BuildOptions, CheckOptions, FileResult, OutputFormat, RunResult } from './api.js';
export type { Diagnostic, Position, Severity } from './diagnostics.js';
export { formatDiagnostic, formatRun } from './reporter.js';
export type { Lang } from './messages.js';
export { messageFor } from './messages.js';
export { VERSION } from './version.js';
