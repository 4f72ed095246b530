import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { ErrorMessage } from '../layout/Status';
import type { ApiError } from '../../../shared/api/errors';
import './recovery-key.css';

type Shown = { state: 'hidden' } | { state: 'busy' } | { state: 'error'; error: ApiError } | { state: 'shown'; recoveryKey: string | null };

/**
 * The recovery key sheet. The key is asked for only when a person chooses to see it, kept in this panel alone
 * (never in the shared read cache, so it is gone with the panel), and printed on a page of its own.
 */
export function RecoveryKeyPanel() {
  const [clinic] = useOperation('clinic.get', {});
  const [shown, setShown] = useState<Shown>({ state: 'hidden' });
  const { t } = useTranslation();

  // Printing marks the page so that only the sheet prints (recovery-key.css); the mark goes when printing ends.
  useEffect(() => {
    const clear = () => delete document.documentElement.dataset.printing;
    window.addEventListener('afterprint', clear);
    return () => {
      window.removeEventListener('afterprint', clear);
      clear();
    };
  }, []);

  async function show() {
    setShown({ state: 'busy' });
    const r = await call('security.recoveryKey', {});
    setShown(r.ok ? { state: 'shown', recoveryKey: r.value.recoveryKey } : { state: 'error', error: r.error });
  }

  function print() {
    document.documentElement.dataset.printing = 'recovery-key';
    window.print();
  }

  const clinicName = clinic.state === 'ready' ? clinic.value?.name : undefined;
  return (
    <section aria-labelledby="recovery-key-heading">
      <h2 id="recovery-key-heading">{t('recoveryKey.heading')}</h2>
      <p>{t('recoveryKey.what')}</p>
      <p>{t('recoveryKey.keep')}</p>
      {shown.state === 'error' ? <ErrorMessage error={shown.error} /> : null}
      {shown.state === 'shown' && shown.recoveryKey === null ? (
        <p className="status" role="status">
          {t('recoveryKey.notEncrypted')}
        </p>
      ) : null}
      {shown.state === 'shown' && shown.recoveryKey !== null ? (
        <div className="recovery-sheet" aria-labelledby="recovery-sheet-title">
          <h3 id="recovery-sheet-title">{clinicName ? t('recoveryKey.sheetTitleFor', { clinic: clinicName }) : t('recoveryKey.sheetTitle')}</h3>
          <p className="recovery-key" aria-label={t('recoveryKey.keyLabel')}>
            {shown.recoveryKey.split('-').map((group, i) => (
              <span key={i}>{group}</span>
            ))}
          </p>
          <p>
            {/* The command is typed as it is, in any language; only its placeholders are words. */}
            <Trans
              i18nKey="recoveryKey.howToOpen"
              values={{ command: `npm run serve -- --restore-from ${t('recoveryKey.backupFile')} --recovery-key "${t('recoveryKey.theKeyAbove')}"` }}
              components={[<code key="command" />]}
            />
          </p>
          <p className="recovery-signature">{t('recoveryKey.signature', { line: '________________', longLine: '________________________________' })}</p>
        </div>
      ) : null}
      <div className="form-actions">
        {shown.state === 'shown' && shown.recoveryKey !== null ? (
          <>
            <button type="button" className="primary" onClick={print}>
              {t('recoveryKey.print')}
            </button>
            <button type="button" onClick={() => setShown({ state: 'hidden' })}>
              {t('recoveryKey.hide')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void show()} disabled={shown.state === 'busy'}>
            {t('recoveryKey.show')}
          </button>
        )}
      </div>
    </section>
  );
}
