/** The one shape test the stages share: a plain mapping (not null, not a list). */

/** A YAML mapping as a plain object. */
export type Obj = Record<string, unknown>;

/** True for a mapping; false for null, lists and scalars. */
export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
