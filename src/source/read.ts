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

/**
 * An input as read: its bytes (when it could be read), and — decoded and parsed the first time
 * they are asked for, then kept until released — its text, its YAML and what went wrong. An
 * unchanged report in an incremental build is never decoded or parsed: its bytes say it is
 * unchanged. The file is read once however often it is parsed.
 */
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
  /**
   * Lets go of the text and the YAML, which are made again from the bytes if asked for: a
   * batch holds a parsed report (about 0.15 MB) only while a stage works on it.
   */
  release?(): void;
}

/** The inputs a run has read, by absolute path: a file named twice (a report, and last year's report of another) is read once. */
export type Reads = Map<string, Input>;

/** Reads `path` (its bytes), or returns what `reads` already holds of it. Never throws for bad input. */
export function readInput(path: string, reads?: Reads): Input {
  const key = resolve(path);
  const known = reads?.get(key);
  if (known) return known.path === path ? known : underPath(known, path);
  const input = readOnce(path);
  reads?.set(key, input);
  return input;
}

/** The same input under another spelling of its path (diagnostics name the file as the user did); the bytes are not read again. */
function underPath(input: Input, path: string): Input {
  if (input instanceof ReadInput) return new ReadInput(path, input.bytes);
  return {
    path,
    ...(input.bytes ? { bytes: input.bytes } : {}),
    ...(input.source ? { source: { ...input.source, path } } : {}),
    ...(input.parsed ? { parsed: input.parsed } : {}),
    diagnostics: input.diagnostics.map((d) => ({ ...d, file: path })),
  };
}

function readOnce(path: string): Input {
  const fileDiagnostic = (code: string, params: Record<string, string> = {}): Diagnostic => ({ code, severity: 'error', file: path, params });
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { path, diagnostics: [fileDiagnostic('NB1002')] };
    // A pipe or a device would block or never end: only regular files are read.
    if (!info.isFile()) return { path, diagnostics: [fileDiagnostic('NB1006')] };
    if (info.size > MAX_INPUT_BYTES) {
      return { path, diagnostics: [fileDiagnostic('NB1007', { size: megabytes(info.size), limit: megabytes(MAX_INPUT_BYTES) })] };
    }
    return new ReadInput(path, readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, diagnostics: [fileDiagnostic('NB1001')] };
    if (code === 'EISDIR') return { path, diagnostics: [fileDiagnostic('NB1002')] };
    return { path, diagnostics: [fileDiagnostic('NB1003', { reason: code ?? String(error) })] };
  }
}

/** A file that could be read: decoded and parsed on first use. */
class ReadInput implements Input {
  private decodedAndParsed?: { source?: SourceFile; parsed?: ParsedYaml; diagnostics: readonly Diagnostic[] };

  constructor(
    readonly path: string,
    readonly bytes: Uint8Array,
  ) {}

  get source(): SourceFile | undefined {
    return this.parse().source;
  }

  get parsed(): ParsedYaml | undefined {
    return this.parse().parsed;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.parse().diagnostics;
  }

  release(): void {
    this.decodedAndParsed = undefined;
  }

  private parse(): NonNullable<ReadInput['decodedAndParsed']> {
    this.decodedAndParsed ??= decodeAndParse(this.path, this.bytes);
    return this.decodedAndParsed;
  }
}

function decodeAndParse(path: string, bytes: Uint8Array): NonNullable<ReadInput['decodedAndParsed']> {
  const fileDiagnostic = (code: string): Diagnostic => ({ code, severity: 'error', file: path, params: {} });
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { diagnostics: [fileDiagnostic('NB1006')] };
  if (decoded.text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(decoded.text)) return { diagnostics: [fileDiagnostic('NB1004')] };
  const source = sourceFromText(path, decoded.text);
  const encoding: Diagnostic[] =
    decoded.encoding === 'utf-8' ? [] : [{ code: 'NB1005', severity: 'warning', file: path, params: { encoding: decoded.encoding.toUpperCase() } }];
  const { parsed, diagnostics } = parseYaml(source);
  return { source, ...(parsed ? { parsed } : {}), diagnostics: [...encoding, ...diagnostics] };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
