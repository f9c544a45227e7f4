// The actions this user may take on this case in its current status (lifecycle table +
// permissions), each opening its own small form.
import { Button, FileButton, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../api/types.ts';
import { useCaseAction, useUpload } from '../../../features/cases/cases.ts';
import { availableActions, isOpenStatus } from '../../../features/cases/lifecycle.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { can } from '../../../features/session/session.ts';
import {
  IconCheck,
  IconLock,
  IconMessage,
  IconPaperclip,
  IconTransfer,
  IconUserCheck,
  IconX,
} from '../../../ui/icons.tsx';
import type { DialogKind } from './ActionModal.tsx';
import { FormError } from './FormError.tsx';
import { CloseForm, RejectForm, RespondForm } from './ResolutionForms.tsx';
import { AssignForm, TransferForm } from './RoutingForms.tsx';

export function CaseActions({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const acknowledge = useCaseAction(c.id);
  const upload = useUpload(c.id);
  const actions = availableActions(me, c.status);
  const canAssign = can(me, 'cases:assign') && isOpenStatus(c.status);
  const canAttach = can(me, 'cases:work');
  const close = () => setDialog(null);

  if (!actions.length && !canAssign && !canAttach) return null;
  return (
    <>
      <Group gap={6} role="toolbar" aria-label={t('actions.label')}>
        {actions.includes('acknowledge') && (
          <Button
            variant="light"
            leftSection={<IconCheck size={16} />}
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ action: 'acknowledge', body: {} })}
          >
            {t('actions.acknowledge')}
          </Button>
        )}
        {actions.includes('respond') && (
          <Button leftSection={<IconMessage size={16} />} onClick={() => setDialog('respond')}>
            {t('actions.respond')}
          </Button>
        )}
        {actions.includes('transfer') && (
          <Button
            variant="light"
            leftSection={<IconTransfer size={16} />}
            onClick={() => setDialog('transfer')}
          >
            {t('actions.transfer')}
          </Button>
        )}
        {canAssign && (
          <Button
            variant="light"
            leftSection={<IconUserCheck size={16} />}
            onClick={() => setDialog('assign')}
          >
            {t('actions.assign')}
          </Button>
        )}
        {actions.includes('close') && (
          <Button variant="light" leftSection={<IconLock size={16} />} onClick={() => setDialog('close')}>
            {t('actions.close')}
          </Button>
        )}
        {actions.includes('reject') && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconX size={16} />}
            onClick={() => setDialog('reject')}
          >
            {t('actions.reject')}
          </Button>
        )}
        {canAttach && (
          <FileButton onChange={(file) => file && upload.mutate(file)}>
            {(props) => (
              <Button
                {...props}
                variant="subtle"
                leftSection={<IconPaperclip size={16} />}
                loading={upload.isPending}
              >
                {t('actions.attach')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <FormError error={acknowledge.error ?? upload.error} />
      {dialog === 'transfer' && <TransferForm c={c} onDone={close} />}
      {dialog === 'respond' && <RespondForm c={c} onDone={close} />}
      {dialog === 'close' && <CloseForm c={c} onDone={close} />}
      {dialog === 'reject' && <RejectForm c={c} onDone={close} />}
      {dialog === 'assign' && <AssignForm c={c} onDone={close} />}
    </>
  );
}
