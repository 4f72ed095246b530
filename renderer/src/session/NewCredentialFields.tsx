import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, PIN_MIN_DIGITS } from '../../../shared/domain/account';
import { Field } from '../forms/Field';
import { MISMATCH } from './credential-form';

interface Props {
  /** "New PIN or password", "First PIN or password", …: the second box adds " again". */
  label: string;
  /** When the first label names someone: "Temporary PIN or password again". */
  againLabel?: string;
  /** Said after the rule of what a credential is. */
  hintAfter?: string;
  inputs: { credential: UseFormRegisterReturn; again: UseFormRegisterReturn };
  errors: { credential?: string; again?: string };
  autoFocus?: boolean;
}

/** A new PIN or password and the same again: every form that sets one (set-up, change, temporary, recovery). */
export function NewCredentialFields({ label, againLabel, hintAfter, inputs, errors, autoFocus }: Props) {
  const { t } = useTranslation();
  const rule = t('session.credentialRule', { digits: PIN_MIN_DIGITS, characters: PASSWORD_MIN_LENGTH });
  // The form's own check (credential-form.ts) says MISMATCH; any other message is the schema's or the back end's.
  const again = errors.again === MISMATCH ? t('session.mismatch') : errors.again;
  return (
    <>
      <Field label={label} hint={hintAfter ? `${rule} ${hintAfter}` : rule} error={errors.credential}>
        {(a) => <input {...a} type="password" autoComplete="new-password" autoFocus={autoFocus} {...inputs.credential} />}
      </Field>
      <Field label={againLabel ?? t('session.credentialAgain', { label })} error={again}>
        {(a) => <input {...a} type="password" autoComplete="new-password" {...inputs.again} />}
      </Field>
    </>
  );
}
