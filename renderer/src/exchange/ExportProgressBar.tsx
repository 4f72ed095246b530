import type { z } from 'zod';
import type { ExportProgress } from '../../../shared/api/operations/exchange';
import { progressText } from './format';

/** The running whole-clinic export: a bar, and the same numbers as words (for screen readers and print). */
export function ExportProgressBar({ progress }: { progress: z.infer<typeof ExportProgress> }) {
  // Before the back end has counted the patients, the bar is indeterminate rather than at 0 of 0.
  const counted = progress.total > 0;
  const text = counted ? progressText(progress.done, progress.total) : 'Counting the patients…';
  return (
    <div className="export-progress">
      <progress aria-label="Export progress" {...(counted ? { value: progress.done, max: progress.total } : {})} aria-valuetext={text} />
      <span role="status">{text}</span>
    </div>
  );
}
