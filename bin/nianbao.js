#!/usr/bin/env node
// The executable is a thin shim over the compiled CLI so that `node bin/nianbao.js` works
// from a checkout once `npm ci` (which runs `prepare`, i.e. the TypeScript build) has run.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
