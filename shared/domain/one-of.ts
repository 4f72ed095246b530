/**
 * True when `value` is one of the words of a fixed list (an `as const` array): the guard that narrows a string
 * read from a row, a URL or a box to the list's type, so no cast is needed after checking.
 */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && list.some((word) => word === value);
}
