import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../forms/Field';
import { NEW_CREDENTIAL_HINT } from './credential-form';

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
  return (
    <>
      <Field label={label} hint={hintAfter ? `${NEW_CREDENTIAL_HINT} ${hintAfter}` : NEW_CREDENTIAL_HINT} error={errors.credential}>
        {(a) => <input {...a} type="password" autoComplete="new-password" autoFocus={autoFocus} {...inputs.credential} />}
      </Field>
      <Field label={againLabel ?? `${label} again`} error={errors.again}>
        {(a) => <input {...a} type="password" autoComplete="new-password" {...inputs.again} />}
      </Field>
    </>
  );
}
