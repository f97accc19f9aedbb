/**
 * Cuts a run's fonts on a thread of its own (see fontCssOffThread in fonts.ts), so that the
 * main thread checks reports and connects to the browser meanwhile.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { fontCssFor, type FontOptions, type FontRole } from './fonts.js';

const { texts, options } = workerData as { texts: Record<FontRole, string>; options: Omit<FontOptions, 'signal'> };
parentPort!.postMessage(await fontCssFor(texts, options));
