// Verdict reasons and the words around them (verdict-text.ts), written in the language of where they show: the
// screen's, or a printed document's (renderer/src/i18n/document-language.tsx), with the clinic's date format.
import { useMemo } from 'react';
import type { MessageRef } from '../../../shared/i18n/message';
import { useMessageText } from '../i18n/use-message-text';
import { reasonBody, type VerdictView } from './verdict-text';

export interface VerdictText {
  /** A message of verdict-text.ts, or null where it says nothing. */
  text(ref: MessageRef | null): string | null;
  /** The whole reason: "Right knee flexion: 120° → 100° …". */
  reason(v: Pick<VerdictView, 'reason' | 'reasonRef'>): string;
  /** The reason after its series name, for places that name the series just before it: "120° → 100° …". */
  reasonBody(v: Pick<VerdictView, 'reason' | 'reasonRef'>): string;
}

export function useVerdictText(): VerdictText {
  const write = useMessageText();
  return useMemo(
    () => ({
      text: (ref) => (ref ? write(ref) : null),
      // An answer from before reasons were messages has only the English text: shown as it is.
      reason: (v) => (v.reasonRef ? write(v.reasonRef) : v.reason),
      reasonBody: (v) => {
        if (!v.reasonRef) return v.reason;
        const body = reasonBody(v.reasonRef);
        const text = write(body.ref);
        return body.capital ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
      },
    }),
    [write],
  );
}
