/** `--order`: the volume's order file, read before the batch so that a missing one stops the run at once. */

import { readFileSync } from 'node:fs';
import type { BuildOptions } from '../run/result.js';
import { parseOrderList } from '../volume/order.js';
import { UsageError, type CliTexts } from './options.js';

/** The options with the order file's lines read into the volume's options; a file that cannot be read is a usage error naming it. */
export function withOrderList(options: BuildOptions, t: CliTexts): BuildOptions {
  const volume = options.volume;
  if (volume?.order === undefined) return options;
  let text: string;
  try {
    text = readFileSync(volume.order, 'utf8');
  } catch (error) {
    throw new UsageError(t.badOrder(volume.order, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  return { ...options, volume: { ...volume, orderList: parseOrderList(text) } };
}
