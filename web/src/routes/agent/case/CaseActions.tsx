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
import { IconCalendar, IconGift, IconQuestion, IconSend } from '../icons.tsx';
import type { DialogKind } from './ActionModal.tsx';
import { ExtendForm } from './ExtendForm.tsx';
import { FormError } from './FormError.tsx';
import { ReplyForm, RequestInformationForm } from './MessageForms.tsx';
import { OfferForm } from './OfferForms.tsx';
import { CloseForm, RejectForm, RespondForm } from './ResolutionForms.tsx';
import { AssignForm, TransferForm } from './RoutingForms.tsx';

/** The resolution clock still runs, so its date can move (R-SLA-4). */
function resolutionRunning(c: CaseView): boolean {
  const stage = c.sla?.stages.find((s) => s.stage === 'resolution');
  return Boolean(stage && stage.state !== 'met' && stage.state !== 'stopped');
}

export function CaseActions({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  // text carried from one form to another (a reply that has no channel becomes the result)
  const [draft, setDraft] = useState('');
  const acknowledge = useCaseAction(c.id);
  const upload = useUpload(c.id);
  const actions = availableActions(me, c.status);
  const works = can(me, 'cases:work');
  const open = isOpenStatus(c.status);
  const canAssign = can(me, 'cases:assign') && open;
  const close = () => {
    setDialog(null);
    setDraft('');
  };
  const switchTo = (kind: DialogKind, text: string) => {
    setDraft(text);
    setDialog(kind);
  };

  if (!actions.length && !canAssign && !works) return null;
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
        {works && (
          <Button leftSection={<IconSend size={16} />} onClick={() => setDialog('reply')}>
            {t('agent2.reply.open')}
          </Button>
        )}
        {actions.includes('request_information') && (
          <Button
            variant="light"
            leftSection={<IconQuestion size={16} />}
            onClick={() => setDialog('request_information')}
          >
            {t('agent2.info.open')}
          </Button>
        )}
        {actions.includes('respond') && (
          <Button leftSection={<IconMessage size={16} />} onClick={() => setDialog('respond')}>
            {t('actions.respond')}
          </Button>
        )}
        {works && open && resolutionRunning(c) && (
          <Button
            variant="light"
            leftSection={<IconCalendar size={16} />}
            onClick={() => setDialog('extend')}
          >
            {t('agent2.extend.open')}
          </Button>
        )}
        {works && open && (
          <Button variant="light" leftSection={<IconGift size={16} />} onClick={() => setDialog('offer')}>
            {t('agent2.offer.open')}
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
        {works && (
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
      {dialog === 'reply' && (
        <ReplyForm
          c={c}
          onDone={close}
          onRespondInstead={actions.includes('respond') ? (text) => switchTo('respond', text) : undefined}
        />
      )}
      {dialog === 'request_information' && <RequestInformationForm c={c} onDone={close} />}
      {dialog === 'extend' && <ExtendForm c={c} onDone={close} />}
      {dialog === 'offer' && <OfferForm c={c} onDone={close} />}
      {dialog === 'transfer' && <TransferForm c={c} onDone={close} />}
      {dialog === 'respond' && <RespondForm c={c} onDone={close} initialMessage={draft} />}
      {dialog === 'close' && <CloseForm c={c} onDone={close} />}
      {dialog === 'reject' && <RejectForm c={c} onDone={close} />}
      {dialog === 'assign' && <AssignForm c={c} onDone={close} />}
    </>
  );
}
