import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyDatabaseFile } from '../../electron/backup/verify';
import { AppError } from '../../electron/db/errors';
import { assessArc } from '../../shared/analysis/arcs';
import { arcNameRef, motionWordRef } from '../../shared/domain/message-words';
import { createFormatter } from '../../shared/format';
import { intlLocale, messagesFor, type Language } from '../../shared/i18n';
import { englishText, message, writeMessage, type MessageRef } from '../../shared/i18n/message';
import { makeTempDir } from '../support/temp-dir';

// Issue 20, the back end's last English: a backup's check, the arcs' reasons and AppError itself speak in ids.

function writer(language: Language) {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [language]: { translation: messagesFor(language) } }, lng: language, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false }, initAsync: false });
  const format = createFormatter({ dateFormat: 'DD/MM/YYYY', language, timeZone: 'UTC' });
  return (ref: MessageRef) => writeMessage(ref, { translate: (id: string, values) => i18n.t(id, { ...values, defaultValue: id }), format, locale: intlLocale(language) });
}

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => tmp?.cleanup());

describe('the back end says its reasons as ids', () => {
  it('a file that is no database is refused with a reason a French screen writes in French', () => {
    tmp = makeTempDir();
    const path = join(tmp.dir, 'stick.sqlite');
    writeFileSync(path, Buffer.alloc(4096, 0x5a));
    const verdict = verifyDatabaseFile(path);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.reason.id).toBe('backup.verify.notSqlite');
    const refusal = new AppError('invalid_input', message('domain.restore.cannot', { reason: { message: verdict.reason } }), { id: verdict.reason });
    expect(refusal.message).toBe('This file cannot be restored: This file is not a database (it is not SQLite at all), or it is encrypted and no key was given. Nothing was changed.');
    const french = writer('fr')(refusal.toApiError().messageRef!);
    expect(french).toMatch(/^Ce fichier ne peut pas être restauré : Ce fichier n’est pas une base de données/);
    expect(french).not.toMatch(/\bnot\b|\bfile\b/);
    expect(writer('pt')(refusal.toApiError().fieldRefs!.id!)).toMatch(/^Este ficheiro não é uma base de dados/);
  });

  it('an AppError takes a message id, never English text', () => {
    // @ts-expect-error A plain string is refused by the type: every message reaches the screen as an id.
    const made = () => new AppError('internal', 'Something failed');
    expect(made).toBeTypeOf('function');
    const withId = new AppError('conflict', message('domain.restore.inUse'), undefined, { duplicateOf: 'abc' });
    expect(withId.toApiError()).toMatchObject({ messageRef: { id: 'domain.restore.inUse' }, fields: { duplicateOf: 'abc' } });
  });

  it('an arc’s reason is a message in each language, its English the same as `reason`', () => {
    const point = (date: string, value: number, id: string) => ({ date, value, id, raterId: 'r', instrument: 'goniometer' as const });
    const base = {
      label: 'Right elbow flexion-extension arc',
      firstLabel: 'extension',
      secondLabel: 'flexion',
      names: { arc: arcNameRef('right', 'elbow', ['flexion', 'extension'], 'active'), first: motionWordRef('extension'), second: motionWordRef('flexion') },
      first: [point('2026-02-16', -20, 'e')],
      second: [point('2026-02-16', 135, 'f')],
    };
    const ok = assessArc({ ...base, functional: { first: -30, second: 130 } });
    expect(englishText(ok.reasonRef, createFormatter({ dateFormat: 'D MMM YYYY', language: 'en', timeZone: 'UTC' }))).toBe(ok.reason);
    expect(writer('fr')(ok.reasonRef)).toMatch(/^Arc flexion-extension, coude droit -20\/135 \(115\s?°\) le 16\/02\/2026 atteint l’arc fonctionnel -30\/130 \(100\s?°\)\.$/);
    const short = assessArc({ ...base, functional: { first: -15, second: 142 } });
    expect(writer('es')(short.reasonRef)).toMatch(/no alcanza el arco funcional .*extensión: faltan 5\s?° y flexión: faltan 7\s?°\.$/);
    const none = assessArc({ ...base, second: [] });
    expect(writer('pt')(none.reasonRef)).toMatch(/^Arco de flexão-extensão, cotovelo direito: extensão e flexão ainda não foram medidas no mesmo dia\.$/);
  });
});
