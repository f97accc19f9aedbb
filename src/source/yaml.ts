/** The one module that reads YAML: values plus the source range of every key and value. */

import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, YAMLException } from 'js-yaml';
import type { Event } from 'js-yaml';
import type { Diagnostic } from '../diagnostics.js';
import { lintSource } from './lint.js';
import { diagnosticAt, lineText, type SourceFile } from './source.js';

/** Where a value (and, inside a mapping, its key) stands in the source. */
export interface Span {
  readonly keyStart?: number;
  readonly start: number;
  readonly end: number;
}

/** Spans by JSON pointer (`/sections/0/heading`), the same paths JSON Schema errors use. */
export type SpanMap = ReadonlyMap<string, Span>;

/** A parsed document: its plain value and where each part of it came from. */
export interface ParsedYaml {
  readonly value: unknown;
  readonly spans: SpanMap;
}

/** A report needs few aliases, if any; a small cap stops "billion laughs" inputs from expanding. */
const MAX_ALIASES = 20;
const MAX_DEPTH = 64;

/** Parses one YAML document (core schema: dates and `yes`/`no` stay strings). */
export function parseYaml(source: SourceFile): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  // Keyboard slips first: where they are, YAML's own message would point elsewhere.
  const slips = lintSource(source);
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(source.text, { filename: source.path, maxDepth: MAX_DEPTH });
    documents = constructFromEvents(events, { source: source.text, maxAliases: MAX_ALIASES });
  } catch (error) {
    if (error instanceof YAMLException) {
      const reported = yamlErrorDiagnostic(source, error);
      // YAML's error after an unindented paste is only its consequence, a line or more later;
      // so is its error on the line after a full-width colon or space (the key never ended).
      const at = reported.position?.line ?? 0;
      const cause = slips.find((d) => (d.code === 'NB2008' && (d.position?.line ?? 0) <= at) || ((d.code === 'NB2006' || d.code === 'NB2007') && at - (d.position?.line ?? 0) >= 0 && at - (d.position?.line ?? 0) <= 2));
      return { diagnostics: cause ? slips : [...slips, reported] };
    }
    throw error;
  }
  if (documents.length > 1) {
    const second = secondDocumentOffset(source.text);
    return { diagnostics: [...slips, diagnosticAt(source, second, 'NB2004', 'error')] };
  }
  return { parsed: { value: documents[0] ?? null, spans: collectSpans(source.text, events) }, diagnostics: slips };
}

function yamlErrorDiagnostic(source: SourceFile, error: YAMLException): Diagnostic {
  const reason = error.reason || error.message;
  const code = /duplicated mapping key/.test(reason)
    ? 'NB2002'
    : /tab characters/.test(reason)
      ? 'NB2003'
      : /alias/.test(reason) && /max|limit|exceed/i.test(reason)
        ? 'NB2005'
        : 'NB2001';
  const offset = error.mark?.position;
  // "key: text: more" — a colon and a space inside a plain value: the value needs quotes.
  const line = error.mark ? lineText(source, error.mark.line + 1) : '';
  const colonInValue = /^bad indentation of a mapping entry/.test(reason) && /^\s*(?:-\s+)?[^\s#'"][^:#]*:\s+[^'"|>\s][^#]*:\s/.test(line);
  return diagnosticAt(source, offset, code, 'error', { reason: colonInValue ? 'colon in a plain value' : reason });
}

function secondDocumentOffset(text: string): number | undefined {
  const matches = [...text.matchAll(/^---/gm)];
  const first = matches[0];
  if (!first) return undefined;
  return first.index === 0 || /^\s*(#.*)?$/.test(text.slice(0, first.index)) ? matches[1]?.index : first.index;
}

interface Frame {
  readonly kind: 'map' | 'seq' | 'doc';
  readonly path: string;
  index: number;
  key?: string;
  keyStart?: number;
  expectingKey: boolean;
  start: number;
}

/** Walks the event stream once, recording the span of every node under its JSON pointer. */
function collectSpans(text: string, events: readonly Event[]): Map<string, Span> {
  const spans = new Map<string, Span>();
  const stack: Frame[] = [];
  const open: { frame: Frame; record: (end: number) => void }[] = [];
  let lastEnd = 0;

  const childPath = (parent: Frame): string =>
    parent.kind === 'doc' ? '' : `${parent.path}/${parent.kind === 'seq' ? parent.index : escapePointer(parent.key ?? '')}`;

  /** Called for a node in value position; returns the path it lives at. */
  const place = (): { path: string; keyStart?: number } | undefined => {
    const parent = stack[stack.length - 1];
    if (!parent) return undefined;
    if (parent.kind === 'map' && parent.expectingKey) return undefined;
    const path = childPath(parent);
    const keyStart = parent.kind === 'map' ? parent.keyStart : undefined;
    if (parent.kind === 'map') parent.expectingKey = true;
    else if (parent.kind === 'seq') parent.index++;
    return keyStart === undefined ? { path } : { path, keyStart };
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: 'doc', path: '', index: 0, expectingKey: false, start: 0 });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const parent = stack[stack.length - 1];
        const start = event.start;
        if (parent?.kind === 'map' && parent.expectingKey) {
          // A complex (collection) key: unusual in a report; give it a placeholder name.
          parent.key = '?';
          parent.keyStart = start;
          parent.expectingKey = false;
          stack.push({ kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: '/?', index: 0, expectingKey: true, start });
          open.push({ frame: stack[stack.length - 1]!, record: () => undefined });
          break;
        }
        const placed = place();
        const path = placed?.path ?? '';
        const frame: Frame = {
          kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq',
          path,
          index: 0,
          expectingKey: event.type === EVENT_ID.MAPPING,
          start,
        };
        stack.push(frame);
        open.push({
          frame,
          record: (end) => spans.set(path, { ...(placed?.keyStart !== undefined ? { keyStart: placed.keyStart } : {}), start, end }),
        });
        break;
      }
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        let start = event.type === EVENT_ID.SCALAR ? event.valueStart : event.anchorStart - 1;
        let end = event.type === EVENT_ID.SCALAR ? event.valueEnd : event.anchorEnd;
        // An empty value (`natural: ,`) has no range of its own: it stands where its key ends.
        if (start < 0) {
          const parent = stack[stack.length - 1];
          start = end = Math.max(parent?.keyStart ?? lastEnd, lastEnd);
        }
        lastEnd = Math.max(lastEnd, end);
        const parent = stack[stack.length - 1];
        if (parent?.kind === 'map' && parent.expectingKey) {
          parent.key = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '*';
          parent.keyStart = start;
          parent.expectingKey = false;
          break;
        }
        const placed = place();
        if (placed) spans.set(placed.path, { ...(placed.keyStart !== undefined ? { keyStart: placed.keyStart } : {}), start, end });
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        const last = open[open.length - 1];
        if (frame && last?.frame === frame) {
          open.pop();
          last.record(Math.max(lastEnd, frame.start));
        }
        break;
      }
    }
  }
  return spans;
}

/** JSON-pointer escaping (RFC 6901), matching the paths Ajv reports. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON pointer segment back to its key (`~1` → `/`, `~0` → `~`). */
export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
