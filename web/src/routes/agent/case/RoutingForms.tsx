// Moving a case between departments and owners (R-FLOW-2: always one accountable owner).
import { Select, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssign } from '../../../features/cases/cases.ts';
import { useStaff } from '../../../features/org/org.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { renderDataOption } from '../../../ui/UserText.tsx';
import { ActionModal, type DialogProps, useAct } from './ActionModal.tsx';
import { OWN_DIRECTION } from './bidi.ts';
import { FormError, fieldError } from './FormError.tsx';

export function TransferForm({ c, onDone }: DialogProps) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const [department, setDepartment] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { mutation, send } = useAct(c, 'transfer', onDone);
  const options = org.departments
    .filter((d) => d.active && d.id !== c.department.id)
    .map((d) => ({ value: d.code, label: pickText(d.name, i18n.language) }));
  return (
    <ActionModal
      opened
      title={t('actions.transfer')}
      onClose={onDone}
      submitLabel={t('actions.transferSubmit')}
      pending={mutation.isPending}
      onSubmit={() => send({ department: department ?? undefined, reason })}
    >
      <Text size="sm" c="dimmed">
        {t('actions.transferHint')}
      </Text>
      <FormError error={mutation.error} />
      <Select
        label={t('actions.toDepartment')}
        data={options}
        renderOption={renderDataOption}
        value={department}
        onChange={setDepartment}
        searchable
        required
        error={fieldError(mutation.error, 'department')}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <Textarea
        label={t('actions.reason')}
        required
        autosize
        minRows={3}
        styles={OWN_DIRECTION}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(mutation.error, 'reason')}
      />
    </ActionModal>
  );
}

export function AssignForm({ c, onDone }: DialogProps) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const staff = useStaff(true);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const assign = useAssign(c.id);
  const sameDepartmentFirst = [...(staff.data ?? [])]
    .filter((u) => u.active && u.id !== c.owner.id)
    .sort(
      (a, b) => Number(b.department_id === c.department.id) - Number(a.department_id === c.department.id),
    );
  const deptName = (id: string | null) =>
    pickText(org.departments.find((d) => d.id === id)?.name, i18n.language);
  return (
    <ActionModal
      opened
      title={t('actions.assign')}
      onClose={onDone}
      submitLabel={t('actions.assignSubmit')}
      pending={assign.isPending}
      onSubmit={() =>
        assign.mutate({ ownerId: ownerId ?? undefined, reason: reason || undefined }, { onSuccess: onDone })
      }
    >
      <FormError error={assign.error} />
      <Select
        label={t('actions.newOwner')}
        required
        searchable
        data={sameDepartmentFirst.map((u) => ({
          value: u.id,
          label: `${u.display_name}${u.department_id ? ` — ${deptName(u.department_id)}` : ''}`,
        }))}
        renderOption={renderDataOption}
        value={ownerId}
        onChange={setOwnerId}
        error={fieldError(assign.error, 'ownerId')}
        disabled={staff.isPending}
        data-autofocus
      />
      <Textarea
        label={t('actions.comment')}
        autosize
        minRows={2}
        styles={OWN_DIRECTION}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(assign.error, 'reason')}
      />
    </ActionModal>
  );
}
