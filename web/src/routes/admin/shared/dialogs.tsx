// Modal dialogs: a form (fields, Cancel, submit), the dialog that creates or changes one item of
// a list, and the "are you sure?" before retiring or removing something.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './server-errors.tsx';

/** A modal form: fields, the server's errors, Cancel and the submit button. */
export function FormModal({
  title,
  opened = true,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  children,
  size = 'lg',
}: {
  title: string;
  opened?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  children: ReactNode;
  size?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('admin.common.cancel') }}
    >
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The one change an item dialog sends (its request reads the dialog's current fields). */
interface ItemSave {
  isPending: boolean;
  error: unknown;
  mutate: (vars: undefined, options: { onSuccess: () => void }) => void;
}

/**
 * Creates an item of a list or changes one: the server's errors no input shows on top, Create or
 * Save, and closed once the server accepted the change.
 */
export function ItemFormModal({
  title,
  creating,
  submitLabel,
  save,
  shown,
  ready = () => true,
  onClose,
  size,
  children,
}: {
  title: string;
  creating: boolean;
  /** instead of Create / Save */
  submitLabel?: string;
  save: ItemSave;
  /** the fields that have an input in this dialog */
  shown: (field: string) => boolean;
  /** checked on submit: false keeps the dialog open, with the problem the form itself shows */
  ready?: () => boolean;
  onClose: () => void;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FormModal
      title={title}
      size={size}
      onClose={onClose}
      submitLabel={submitLabel ?? (creating ? t('admin.common.create') : t('admin.common.save'))}
      pending={save.isPending}
      onSubmit={() => ready() && save.mutate(undefined, { onSuccess: onClose })}
    >
      <FormError error={save.error} shown={shown} />
      {children}
    </FormModal>
  );
}

/** The code a new item is known by in the API and in URLs: lower case, never changed later. */
export function CodeInput({
  value,
  onChange,
  taken,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  /** another item already has it */
  taken: boolean;
  /** the server's message about it */
  error: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('admin.common.code')}
      description={t('admin.common.codeHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.toLowerCase())}
      required
      dir="ltr"
      data-autofocus
      error={taken ? t('admin.common.codeTaken') : error}
    />
  );
}

/** "Are you sure?" before retiring or removing something; the server's refusal shows inside. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  error,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('admin.common.cancel') }}
    >
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('admin.common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
