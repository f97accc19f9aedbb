/**
 * The one place that reads an input: bytes → text → YAML with positions. A run reads each file
 * once (through a `Reads` cache), and every later stage — the build key, the fonts, the
 * checks, last year's figures — takes what was read here.
 */

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { decodeText } from './decode.js';
import { sourceFromText, type SourceFile } from './source.js';
import { parseYaml, type ParsedYaml } from './yaml.js';

/** Reports larger than this are refused before reading (a real one is a few hundred KB). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** An input as read: its bytes (when it could be read), its text, its YAML, and what went wrong. */
export interface Input {
  /** Path as the user gave it (used in diagnostics). */
  readonly path: string;
  /** The file's bytes, when it could be read at all (the build key hashes them). */
  readonly bytes?: Uint8Array;
  /** The decoded text, when the bytes are text. */
  readonly source?: SourceFile;
  /** The parsed YAML, when the text parses. */
  readonly parsed?: ParsedYaml;
  /** Problems with the file itself and with its YAML. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The inputs a run has read, by absolute path: a file named twice (a report, and last year's report of another) is read once. */
export type Reads = Map<string, Input>;

/** Reads, decodes and parses `path`, or returns what `reads` already holds of it. Never throws for bad input. */
export function readInput(path: string, reads?: Reads): Input {
  const key = resolve(path);
  const known = reads?.get(key);
  if (known) return known.path === path ? known : underPath(known, path);
  const input = readOnce(path);
  reads?.set(key, input);
  return input;
}

/** The same input under another spelling of its path (diagnostics name the file as the user did). */
function underPath(input: Input, path: string): Input {
  return {
    ...input,
    path,
    ...(input.source ? { source: { ...input.source, path } } : {}),
    diagnostics: input.diagnostics.map((d) => ({ ...d, file: path })),
  };
}

function readOnce(path: string): Input {
  const fileDiagnostic = (code: string, params: Record<string, string> = {}): Diagnostic => ({ code, severity: 'error', file: path, params });
  let bytes: Buffer;
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { path, diagnostics: [fileDiagnostic('NB1002')] };
    // A pipe or a device would block or never end: only regular files are read.
    if (!info.isFile()) return { path, diagnostics: [fileDiagnostic('NB1006')] };
    if (info.size > MAX_INPUT_BYTES) {
      return { path, diagnostics: [fileDiagnostic('NB1007', { size: megabytes(info.size), limit: megabytes(MAX_INPUT_BYTES) })] };
    }
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, diagnostics: [fileDiagnostic('NB1001')] };
    if (code === 'EISDIR') return { path, diagnostics: [fileDiagnostic('NB1002')] };
    return { path, diagnostics: [fileDiagnostic('NB1003', { reason: code ?? String(error) })] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { path, bytes, diagnostics: [fileDiagnostic('NB1006')] };
  if (decoded.text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(decoded.text)) {
    return { path, bytes, diagnostics: [fileDiagnostic('NB1004')] };
  }
  const source = sourceFromText(path, decoded.text);
  const encoding: Diagnostic[] =
    decoded.encoding === 'utf-8' ? [] : [{ code: 'NB1005', severity: 'warning', file: path, params: { encoding: decoded.encoding.toUpperCase() } }];
  const { parsed, diagnostics } = parseYaml(source);
  return { path, bytes, source, ...(parsed ? { parsed } : {}), diagnostics: [...encoding, ...diagnostics] };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
