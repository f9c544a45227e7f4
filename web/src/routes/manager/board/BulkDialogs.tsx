// The two bulk actions of the board, each confirmed in a dialog: close the answered cases; transfer
// the unsolved ones to a specialised department with a reason (the reason is written on each case).
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { IconAlert } from '../../../ui/icons.tsx';
import { ErrorText } from '../../../ui/States.tsx';
import { renderDataOption } from '../../../ui/UserText.tsx';

function BulkModal({
  title,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  error,
  focusSubmit,
  children,
}: {
  focusSubmit?: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.cancel') }}
    >
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {Boolean(error) && (
            <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
              <ErrorText error={error} />
            </Alert>
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-autofocus={focusSubmit || undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CloseDialog({
  count,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  count: number;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <BulkModal
      title={t('manager.close.title', { count })}
      submitLabel={t('manager.close.submit', { count })}
      onClose={onClose}
      onSubmit={onConfirm}
      pending={pending}
      error={error}
      focusSubmit
    >
      <Text size="sm">{t('manager.close.explain')}</Text>
    </BulkModal>
  );
}

export function TransferDialog({
  count,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  count: number;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (department: string, reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const [department, setDepartment] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  // unsolved contact-centre cases go to a department that works them, not to another front line
  const options = org.departments
    .filter((d) => d.active && d.kind !== 'contact_centre')
    .map((d) => ({ value: d.code, label: pickText(d.name, i18n.language, org.defaultLocale) }));
  const missingDepartment = tried && !department;
  const missingReason = tried && !reason.trim();
  return (
    <BulkModal
      title={t('manager.transfer.title', { count })}
      submitLabel={t('manager.transfer.submit', { count })}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (department && reason.trim()) onConfirm(department, reason.trim());
      }}
      pending={pending}
      error={error}
    >
      <Text size="sm" c="dimmed">
        {t('manager.transfer.explain')}
      </Text>
      <Select
        label={t('actions.toDepartment')}
        data={options}
        renderOption={renderDataOption}
        value={department}
        onChange={setDepartment}
        searchable
        required
        error={missingDepartment ? t('manager.transfer.departmentRequired') : undefined}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('actions.reason')}
        description={t('manager.transfer.reasonHint')}
        required
        autosize
        minRows={3}
        dir="auto"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={missingReason ? t('manager.transfer.reasonRequired') : undefined}
      />
    </BulkModal>
  );
}
