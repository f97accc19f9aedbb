#!/usr/bin/env node
// The executable is a thin shim over the compiled CLI so that `node bin/nianbao.js` works
// from a checkout once `npm ci` (which runs `prepare`, i.e. the TypeScript build) has run.
import { main } from '../dist/cli/main.js';
import { endBy, isTerminalLost } from '../dist/cli/signals.js';

const code = await main(process.argv.slice(2));
// Everything is cleaned up. After a hang-up, end as the signal would have ended us (the shell
// sees 129): a normal exit without the terminal would crash Node (see src/cli/signals.ts).
process.exitCode = code;
if (isTerminalLost()) await endBy('SIGHUP');
