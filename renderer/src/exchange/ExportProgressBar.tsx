import { useExchangeWords } from './format';

/**
 * A running whole-clinic export or import: a bar, and the same numbers as words (for screen readers and print).
 * Until the back end knows the total, the bar is indeterminate and says `pending` (by default, counting).
 */
export function ExportProgressBar({ progress, label, pending }: { progress: { done: number; total: number }; label?: string; pending?: string }) {
  const { t, progress: progressText } = useExchangeWords();
  // Before the back end has counted the patients, the bar is indeterminate rather than at 0 of 0.
  const counted = progress.total > 0;
  const text = counted ? progressText(progress.done, progress.total) : (pending ?? t('exchange.progress.counting'));
  return (
    <div className="export-progress">
      <progress aria-label={label ?? t('exchange.progress.label')} {...(counted ? { value: progress.done, max: progress.total } : {})} aria-valuetext={text} />
      <span role="status">{text}</span>
    </div>
  );
}
