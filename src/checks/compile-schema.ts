/**
 * Build step (run by `npm run build` after tsc): compiles the report schema to a standalone
 * validator module, so that `nianbao check` does not spend a tenth of a second compiling it on
 * every start. schema.ts falls back to compiling at run time when the module is missing.
 */

import { writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, reportSchema } from './schema.js';

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
const validate = ajv.compile(reportSchema);
// A CommonJS module whose default export is the generator (named import shapes vary by loader).
const generate = (standalone as unknown as { default: (ajv: Ajv, validate: unknown) => string }).default;
writeFileSync(new URL('./report-validator.cjs', import.meta.url), generate(ajv, validate));
