/** Validates what people write — reports, profile.yaml, tables.yaml — against the JSON Schemas that editors also use. */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import { isoDateFrom } from '../model/dates.js';
import { suggest } from './suggest.js';
import { readNumber } from '../model/numbers.js';
import { escapePointer, unescapePointer, type SpanMap } from '../source/yaml.js';

/** The formats people write, each with a JSON Schema shipped in the package (src/*.schema.json). */
export type SchemaName = 'report' | 'profile' | 'tables';
export const SCHEMA_NAMES: readonly SchemaName[] = ['report', 'profile', 'tables'];

/** A schema as shipped (src/<name>.schema.json), which editors use too. */
export function schemaOf(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../src/${name}.schema.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** Ajv options, shared with the build step that precompiles the schemas (compile-schema.ts). */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

type Validator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

let validators: Record<SchemaName, Validator> | undefined;

/** The precompiled validators written by the build, or the schemas compiled now. */
function validatorFor(name: SchemaName): Validator {
  if (!validators) {
    const require = createRequire(import.meta.url);
    try {
      validators = require('./schema-validators.cjs') as Record<SchemaName, Validator>;
    } catch {
      // Ajv itself (a sixth of a check's start-up) is loaded only when there is no precompiled validator.
      const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
      const ajv = new Ajv(AJV_OPTIONS);
      validators = Object.fromEntries(SCHEMA_NAMES.map((n) => [n, ajv.compile(schemaOf(n)) as Validator])) as Record<SchemaName, Validator>;
    }
  }
  return validators[name];
}

/** Checks a document against one of the schemas (the report's by default); every violation becomes a diagnostic. */
export function checkSchema(value: unknown, spans: SpanMap, source: SourceFile, schema: SchemaName = 'report'): Diagnostic[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  const all = validate.errors ?? [];
  return all.filter((error) => isReportable(error, all)).map((error) => toDiagnostic(error, value, spans, source));
}

/**
 * `if`/`oneOf` wrappers and the pattern error behind a propertyNames error add only noise; so
 * does, where a value may be a text or a mapping, the complaint that a mapping is not a text
 * when the mapping's own problems are reported.
 */
function isReportable(error: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf') return false;
  if (error.keyword === 'pattern' && error.propertyName !== undefined) return false;
  if (error.keyword === 'type' && /\/oneOf\/\d+\/type$/.test(error.schemaPath)) {
    return !all.some((other) => other !== error && other.keyword !== 'type' && other.keyword !== 'oneOf' && other.instancePath.startsWith(error.instancePath));
  }
  return true;
}

function toDiagnostic(error: ErrorObject, root: unknown, spans: SpanMap, source: SourceFile): Diagnostic {
  const path = error.instancePath;
  const span = spans.get(path);
  const key = displayPath(path);
  const found = valueAt(root, path);
  const at = (offset: number | undefined, code: string, params: Record<string, string | number>) =>
    diagnosticAt(source, offset, code, 'error', params, path);

  switch (error.keyword) {
    case 'type': {
      // A number typed as people write it (2025年, ２０２５, 1,040): the value it should be.
      const typed = typeof found === 'string' && error.params.type === 'integer' ? /^\s*([0-9０-９]+|[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+)\s*(年度?)?\s*$/u.exec(found) : null;
      const rewrite = typed ? readNumber(typed[1]!.replace(/，/g, ',')) : undefined;
      return at(span?.start, 'NB2101', { key, expected: String(error.params.type), found: jsonType(found), ...(rewrite !== undefined ? { rewrite, typed: found as string } : {}) });
    }
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties ?? {}) as Record<string, unknown>);
      const suggestion = suggest(name, allowed);
      const child = spans.get(`${path}/${escapePointer(name)}`);
      return diagnosticAt(source, child?.keyStart ?? span?.start, 'NB2102', 'error', {
        key: name,
        allowed: allowed.join(', '),
        ...(suggestion ? { suggestion } : {}),
      }, `${path}/${name}`);
    }
    case 'required':
      return at(span?.start ?? 0, 'NB2103', { key: String(error.params.missingProperty) });
    case 'propertyNames': {
      const name = String(error.params.propertyName);
      const child = spans.get(`${path}/${name}`);
      return diagnosticAt(source, child?.keyStart ?? span?.start, 'NB2108', 'error', { found: name }, `${path}/${name}`);
    }
    case 'pattern': {
      // A date written another way people write dates: say exactly what to write instead.
      const rewrite = typeof found === 'string' ? isoDateFrom(found) : undefined;
      return at(span?.start, 'NB2105', { key, found: String(found), ...(rewrite ? { rewrite } : {}) });
    }
    case 'enum':
      return at(span?.start, 'NB2104', { key, found: String(found), allowed: (error.params.allowedValues as unknown[]).join(', ') });
    case 'minimum':
    case 'maximum':
      return at(span?.start, 'NB2106', {
        key,
        found: String(found),
        comparison: error.keyword === 'minimum' ? '>=' : '<=',
        limit: Number(error.params.limit),
      });
    case 'minLength':
    case 'minItems':
      return at(span?.start, 'NB2107', { key });
    default:
      return at(span?.start, 'NB2001', { reason: `${key} ${error.message ?? error.keyword}` });
  }
}

/** `/sections/0/heading` → `sections[1].heading` (1-based, as a clerk counts items); root is ''. */
export function displayPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(unescapePointer)
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${Number(part) + 1}]` : out ? `${out}.${part}` : part), '');
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapePointer(part)];
  }
  return node;
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
