// The event kinds in the screen's language; each key written out whole, so the key test sees it used.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventKind } from '../../../shared/domain/event';

export function eventKindNames(t: TFunction): Record<EventKind, string> {
  return {
    injury: t('events.kind.injury'),
    surgery: t('events.kind.surgery'),
    excision: t('events.kind.excision'),
    nsaid_course: t('events.kind.nsaid_course'),
    bisphosphonate_course: t('events.kind.bisphosphonate_course'),
    radiation: t('events.kind.radiation'),
    lab_result: t('events.kind.lab_result'),
    bone_scan: t('events.kind.bone_scan'),
    xray: t('events.kind.xray'),
  };
}

export function useEventKindNames(): Record<EventKind, string> {
  const { t, i18n } = useTranslation();
  return useMemo(() => eventKindNames(t), [t, i18n.language]);
}
