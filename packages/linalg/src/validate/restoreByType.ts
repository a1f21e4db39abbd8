import { asCaller, formatValue } from './assert.ts';

/**
 * The body of a package's restore function: reads the stored state's `type` (own key only) and
 * hands the state to that type's `fromJSON` in `classes`; errors are prefixed with `fn`.
 * @throws TypeError naming the unknown type and the known ones; whatever the reader throws
 *
 * @example
 * const learnerFromJSON = (state: unknown) =>
 *   restoreByType('learnerFromJSON', state, { Ucb1, Moss });
 */
export function restoreByType<T>(
  fn: string,
  state: unknown,
  classes: Readonly<Record<string, { fromJSON(state: unknown): T }>>,
): T {
  const type =
    state !== null && typeof state === 'object' && Object.hasOwn(state, 'type')
      ? (state as { type: unknown }).type
      : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(classes, type))
    throw new TypeError(
      `${fn}: unknown learner type ${formatValue(type)}; known: ${Object.keys(classes).join(', ')}`,
    );
  const read = classes[type]!;
  return asCaller(fn, () => read.fromJSON(state));
}
