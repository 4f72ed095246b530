import type { z } from 'zod';
import type { ExportProgress } from '../../../shared/api/operations/exchange';
import { useExchangeWords } from './format';

/** The running whole-clinic export: a bar, and the same numbers as words (for screen readers and print). */
export function ExportProgressBar({ progress }: { progress: z.infer<typeof ExportProgress> }) {
  const { t, progress: progressText } = useExchangeWords();
  // Before the back end has counted the patients, the bar is indeterminate rather than at 0 of 0.
  const counted = progress.total > 0;
  const text = counted ? progressText(progress.done, progress.total) : t('exchange.progress.counting');
  return (
    <div className="export-progress">
      <progress aria-label={t('exchange.progress.label')} {...(counted ? { value: progress.done, max: progress.total } : {})} aria-valuetext={text} />
      <span role="status">{text}</span>
    </div>
  );
}
