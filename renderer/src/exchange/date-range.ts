/** The optional date range of an export form: an empty box is no limit, not a date to check. */
export function dateRange(v: { from: string; to: string }): { from?: string; to?: string } {
  return { ...(v.from.trim() ? { from: v.from.trim() } : {}), ...(v.to.trim() ? { to: v.to.trim() } : {}) };
}
