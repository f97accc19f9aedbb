/**
 * The JSON reporter (`--reporter json`): one document on standard output for pipelines.
 * Its shape is versioned by `schemaVersion` and documented in the README ("Using nianbao in CI").
 */

import { countsOf, type RunResult } from '../run/result.js';
import { messageFor } from '../messages/diagnostics.js';
import type { Lang } from '../messages/lang.js';
import { VERSION } from '../version.js';

/** Version of the JSON document's shape; raised whenever a field changes meaning or goes. */
export const JSON_SCHEMA_VERSION = 1;

/** The run as a plain JSON value. Pure. */
export function runToJson(run: RunResult, command: 'check' | 'build', lang: Lang): unknown {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'nianbao', version: VERSION },
    command,
    exitCode: run.exitCode,
    elapsedMs: run.elapsedMs ?? null,
    browser: run.browser ?? null,
    ...(command === 'build' ? { outDir: run.outDir ?? null } : {}),
    error: run.error ? run.error.message : null,
    summary: countsOf(run),
    ...(run.volume
      ? {
          volume: {
            path: run.volume.path,
            status: run.volume.status,
            pages: run.volume.pages ?? null,
            reports: run.volume.reports,
            printed: run.volume.printed,
            leftOut: run.volume.leftOut,
            lastYears: run.volume.lastYears,
            otherYears: run.volume.otherYears,
            year: run.volume.year ?? null,
            unlisted: run.volume.unlisted,
            error: run.volume.error ? run.volume.error.message : null,
            elapsedMs: run.volume.elapsedMs,
          },
        }
      : {}),
    files: run.files.map((f) => ({
      file: f.file,
      status: f.status,
      outputs: f.outputs,
      error: f.error ? f.error.message : null,
      timings: f.timings ?? null,
      faces: f.faces ?? null,
      ...(command === 'build' ? { report: f.report ?? null } : {}),
      diagnostics: f.diagnostics.map((d) => {
        const text = messageFor(d.code, d.params, lang);
        return {
          code: d.code,
          severity: d.severity,
          message: text.message,
          expected: text.expected ?? null,
          line: d.position?.line ?? null,
          column: d.position?.column ?? null,
          path: d.path ?? null,
          suppressed: d.suppressed ?? null,
          // Added without a new schemaVersion: the file the diagnostic is in (a report's tables
          // workbook, say) and the workbook's cell (`表三!D12`) when it is about one.
          file: d.file,
          cell: d.cell ?? null,
        };
      }),
    })),
  };
}
