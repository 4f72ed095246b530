import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/api/operations/exchange';
import { useFormatter } from '../session/session-context';

// Counts and sizes in the exchange screens' messages, in the screen's language: "1,000 patients", "3.4 MiB".

export type CountKind = keyof ImportReport['added'] | 'resources';

/** The kinds an import report lists, in the order it says them. */
const REPORT_KINDS: readonly (keyof ImportReport['added'])[] = ['patients', 'therapists', 'visits', 'measurements', 'sites', 'riskFactors', 'events', 'planVersions', 'goals'];

export function useExchangeWords() {
  const { t } = useTranslation();
  const { number } = useFormatter();

  /** "3 visits": the plural chosen by the language, the number written in its digits. */
  function count(kind: CountKind, n: number): string {
    const o = { count: n, n: number(n) };
    switch (kind) {
      case 'patients':
        return t('exchange.count.patients', o);
      case 'therapists':
        return t('exchange.count.therapists', o);
      case 'visits':
        return t('exchange.count.visits', o);
      case 'measurements':
        return t('exchange.count.measurements', o);
      case 'sites':
        return t('exchange.count.sites', o);
      case 'riskFactors':
        return t('exchange.count.riskFactors', o);
      case 'events':
        return t('exchange.count.events', o);
      case 'planVersions':
        return t('exchange.count.planVersions', o);
      case 'goals':
        return t('exchange.count.goals', o);
      case 'resources':
        return t('exchange.count.resources', o);
    }
  }

  /** "3 visits, 36 measurements": only the kinds with any; null when there are none. */
  function counts(c: ImportReport['added']): string | null {
    const parts = REPORT_KINDS.filter((k) => c[k] > 0).map((k) => count(k, c[k]));
    return parts.length ? parts.join(', ') : null;
  }

  function bytes(b: number): string {
    if (b < 1024) return t('exchange.size.bytes', { count: b, n: number(b) });
    if (b < 1024 * 1024) return t('exchange.size.kib', { n: number(Number((b / 1024).toFixed(1))) });
    if (b < 1024 ** 3) return t('exchange.size.mib', { n: number(Number((b / 1024 / 1024).toFixed(1))) });
    return t('exchange.size.gib', { n: number(Number((b / 1024 ** 3).toFixed(2))) });
  }

  /** "312 of 1,000 patients" */
  function progress(done: number, total: number): string {
    return t('exchange.progress.of', { done: number(done), total: count('patients', total) });
  }

  return { t, count, counts, bytes, progress };
}
