import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationName } from '../../../shared/api/contract';
import { call } from '../api/client';
import { VoidForm } from '../forms/VoidForm';

/** The operations that void one record by its id, with a reason ('measurements.void', 'sites.void', …). */
export type VoidOperation = { [K in OperationName]: K extends `${string}.void` ? K : never }[OperationName];

/**
 * A record's void form, sending its void operation: every versioned record is voided the same way (its id and
 * the reason typed), so the panels name the operation and the record, nothing else.
 */
export function VoidRecordForm({ operation, id, what, onDone }: { operation: VoidOperation; id: string; what: string; onDone(saved: boolean): void }) {
  return (
    <VoidForm
      id={id}
      what={what}
      onSubmit={async (reason) => {
        const r = await call(operation, { id, reason });
        return r.ok ? null : r.error;
      }}
      onDone={onDone}
    />
  );
}

/** The row a table opens under a record for its inline form (correct, void, change status), across every column. */
export function FormRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr className="form-row">
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

/** The header of a record table's last column, where each row's buttons are: named for screen readers only. */
export function ActionsHeader() {
  const { t } = useTranslation();
  return (
    <th scope="col">
      <span className="visually-hidden">{t('verdicts.actions')}</span>
    </th>
  );
}
