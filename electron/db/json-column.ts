/**
 * A TEXT column holding `JSON.stringify` of a value the app wrote itself (a reason's facts, a plan's sites). The
 * row type names what the text holds, like every other column's type, so reading it back needs no cast; anything
 * that did not come from the app's own writes (an import, a file) goes through a shared/ schema instead.
 */
export type JsonText<T> = string & { readonly __jsonOf?: T };

/** The value a JsonText column holds. */
export function parseJsonColumn<T>(text: JsonText<T>): T {
  return JSON.parse(text);
}
