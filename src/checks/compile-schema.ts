/**
 * Build step (run by `npm run build` after tsc): compiles the JSON Schemas (report, profile,
 * tables) to one standalone validator module, so that `nianbao check` does not spend a tenth
 * of a second compiling them on every start. schema.ts falls back to compiling at run time
 * when the module is missing.
 */

import { writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, SCHEMA_NAMES, schemaOf } from './schema.js';

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
for (const name of SCHEMA_NAMES) ajv.addSchema(schemaOf(name), name);
// A CommonJS module whose default export is the generator (named import shapes vary by loader).
const generate = (standalone as unknown as { default: (ajv: Ajv, refs: Record<string, string>) => string }).default;
writeFileSync(new URL('./schema-validators.cjs', import.meta.url), generate(ajv, Object.fromEntries(SCHEMA_NAMES.map((n) => [n, n]))));
