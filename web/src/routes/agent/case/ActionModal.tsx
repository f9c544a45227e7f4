// The frame every case action form shares: a modal with the form, the server's errors and
// Cancel / submit; and the hook that sends one lifecycle action.
import { Button, Group, Modal, Stack } from '@mantine/core';
import type { CSSProperties, FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../api/types.ts';
import { type ActionBody, useCaseAction } from '../../../features/cases/cases.ts';

export type DialogKind =
  | 'reply'
  | 'request_information'
  | 'extend'
  | 'offer'
  | 'transfer'
  | 'respond'
  | 'close'
  | 'reject'
  | 'assign';

/**
 * Mantine writes field errors in red.6, 3.3:1 on white; a darker red reaches WCAG AA (4.5:1).
 * Set on the workspace's roots and its dialogs, which render in a portal outside them.
 */
export const READABLE_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-8)' } as CSSProperties;

export interface DialogProps {
  c: CaseView;
  onDone: () => void;
}

export function ActionModal({
  title,
  opened,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  children,
  danger,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  children: ReactNode;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.cancel') }}
      styles={{ content: READABLE_ERRORS }}
    >
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack gap="md">
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={pending} color={danger ? 'red' : undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function useAct(c: CaseView, action: string, onDone: () => void) {
  const mutation = useCaseAction(c.id);
  return {
    mutation,
    send: (body: ActionBody) => mutation.mutate({ action, body }, { onSuccess: onDone }),
  };
}
