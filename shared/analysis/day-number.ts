// Whole days since 1970-01-01 of a calendar date already checked to be YYYY-MM-DD, by arithmetic alone.
//
// Why not domain/dates.ts daysBetween: it validates and builds Date objects on every call, and the trends
// call it for every reading of every fit (a patient page fits a few hundred series and strata). The inputs
// here were validated once by summariseSeries, so plain arithmetic (Hinnant's days_from_civil) is enough and
// several times faster.

export function dayNumber(date: string): number {
  const y0 = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** b - a in days, both validated calendar dates. */
export function dayDiff(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}
