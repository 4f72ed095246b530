import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { createFormatter } from '../../../shared/format';
import { intlLocale } from '../../../shared/i18n';
import { writeMessage, type MessageRef } from '../../../shared/i18n/message';
import { apiErrorText } from '../api/failure';
import { loadLanguage } from '../i18n/i18n';
import { startLanguage } from './start-language';
import './startup.css';

type Status = OperationOutput<'app.startup'>;

/** The step's part done, as a whole percentage; 100 only once the step is done. */
export function percentOf(status: Pick<Status, 'done' | 'total'>): number {
  const exact = (100 * status.done) / status.total;
  return status.done < status.total ? Math.min(99, Math.floor(exact)) : 100;
}

/**
 * The screen before the app: the database being updated (each step, a bar with its percentage, and not to switch
 * off the computer), or what went wrong and what to do. In the browser's language: the clinic's is not known yet.
 */
export function UpdateScreen({ status, error }: { status: Status | null; error: ApiError | null }) {
  const { i18n } = useTranslation();
  const language = startLanguage();
  // Every language but English is loaded when first needed (i18n.ts): until it is here, nothing is shown.
  const [loaded, setLoaded] = useState(language === 'en');
  useEffect(() => {
    let current = true;
    loadLanguage(language).then(
      () => current && setLoaded(true),
      // Its files could not be read: English, rather than no screen at all.
      () => current && setLoaded(true),
    );
    return () => {
      current = false;
    };
  }, [language]);
  const t = useMemo(() => i18n.getFixedT(loaded ? language : 'en'), [i18n, language, loaded]);
  const locale = intlLocale(language);
  const write = useMemo(() => {
    const format = createFormatter({ dateFormat: 'D MMM YYYY', language });
    const translate = (id: string, values: Record<string, string | number>) => t(id, { ...values, defaultValue: id });
    return (ref: MessageRef) => writeMessage(ref, { translate, format, locale });
  }, [t, language, locale]);

  if (!loaded) return null;
  if (status?.phase === 'failed') {
    return (
      <main id="main" className="startup" lang={language}>
        <h1>{t('update.failed.heading')}</h1>
        <div className="error-box" role="alert">
          <p>{t('update.failed.what', { reason: status.failure ? write(status.failure) : '' })}</p>
          {status.advice ? <p>{write(status.advice)}</p> : null}
        </div>
      </main>
    );
  }
  if (status?.phase !== 'updating' || !status.step) {
    return (
      <main id="main" className="startup" lang={language}>
        <p className="status" role="status" aria-live="polite">
          {t('update.opening')}
        </p>
        {error ? (
          <p className="error-box" role="alert">
            {apiErrorText(write, error)}
          </p>
        ) : null}
      </main>
    );
  }
  const percent = percentOf(status);
  const percentText = t('update.percent', { percent: new Intl.NumberFormat(locale, { style: 'percent' }).format(percent / 100) });
  const stepText = t(`update.step.${status.step}`, { index: status.stepIndex, count: status.stepCount });
  return (
    <main id="main" className="startup" lang={language}>
      <h1>{t('update.heading')}</h1>
      <p>{t('update.intro')}</p>
      <p className="startup-step">{stepText}</p>
      <div
        className="startup-bar"
        role="progressbar"
        aria-label={t('update.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${stepText}: ${percentText}`}
      >
        <div className="startup-bar-done" style={{ width: `${percent}%` }} />
      </div>
      <p className="startup-percent" aria-hidden="true">
        {percentText}
      </p>
      <p className="startup-warning">
        <strong>{t('update.doNotSwitchOff')}</strong>
      </p>
    </main>
  );
}
