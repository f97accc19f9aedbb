/** "Did you mean": the closest known name to a mistyped one, when it is close enough. */

import { closest, distance } from 'fastest-levenshtein';

/** The candidate nearest to `name`, or undefined when none is within a third of its length (at least 2 edits). */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(name, [...candidates]);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
