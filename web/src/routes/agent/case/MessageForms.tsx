// Talking to the customer: a reply through the conversation they came in by (with canned replies
// from the organisation's own texts, for those who may read them), or a question that pauses the
// SLA clock until they answer.
import { Alert, Button, Group, Select, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { CANNED_EVENTS, caseValues, useCannedReplies } from '../../../features/cases/canned-replies.ts';
import { useReply } from '../../../features/cases/case-work.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { can } from '../../../features/session/session.ts';
import { IconMessage } from '../../../ui/icons.tsx';
import { ActionModal, type DialogProps, useAct } from './ActionModal.tsx';
import { OWN_DIRECTION } from './bidi.ts';
import { customerName } from './customer-name.ts';
import { FormError, fieldError } from './FormError.tsx';

/** The server found no conversation to answer in (a call, a visit, a form). */
function noChannel(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

function CannedReplyPicker({ c, onPick }: DialogProps & { onPick: (text: string) => void }) {
  const { t } = useTranslation();
  const { me, org } = useSession();
  const values = caseValues(c, org, customerName(c.customer), window.location.origin);
  const { replies, loading } = useCannedReplies(can(me, 'settings:manage'), c.locale, values);
  const [picked, setPicked] = useState<string | null>(null);
  if (!can(me, 'settings:manage')) return null;
  if (!loading && !replies.length) return null;
  return (
    <Select
      label={t('agent2.reply.canned')}
      description={t('agent2.reply.cannedHint')}
      placeholder={t('agent2.reply.cannedPlaceholder')}
      disabled={loading}
      value={picked}
      onChange={(event) => {
        setPicked(event);
        const reply = replies.find((r) => r.event === event);
        if (reply) onPick(reply.text);
      }}
      data={CANNED_EVENTS.filter((e) => replies.some((r) => r.event === e)).map((e) => ({
        value: e,
        label: t(`agent2.reply.template.${e}`),
      }))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function ReplyForm({
  c,
  onDone,
  onRespondInstead,
}: DialogProps & { onRespondInstead?: (text: string) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const reply = useReply(c.id);
  const missingChannel = noChannel(reply.error);
  return (
    <ActionModal
      opened
      title={t('agent2.reply.title')}
      onClose={onDone}
      submitLabel={t('agent2.reply.submit')}
      pending={reply.isPending}
      onSubmit={() => reply.mutate(body, { onSuccess: onDone })}
    >
      <Text size="sm" c="dimmed">
        {t('agent2.reply.hint')}
      </Text>
      {missingChannel ? (
        <Alert color="yellow" variant="light" icon={<IconMessage />} role="alert" data-no-reply-channel>
          <Text size="sm">{t('agent2.reply.noChannel')}</Text>
          {onRespondInstead && (
            <Group mt="sm">
              <Button size="xs" variant="white" onClick={() => onRespondInstead(body)}>
                {t('agent2.reply.respondInstead')}
              </Button>
            </Group>
          )}
        </Alert>
      ) : (
        <FormError error={reply.error && !fieldError(reply.error, 'body') ? reply.error : null} />
      )}
      <CannedReplyPicker c={c} onDone={onDone} onPick={setBody} />
      <Textarea
        label={t('agent2.reply.body')}
        required
        autosize
        minRows={5}
        maxRows={14}
        styles={OWN_DIRECTION}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={fieldError(reply.error, 'body')}
        data-autofocus
      />
    </ActionModal>
  );
}

export function RequestInformationForm({ c, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const { mutation, send } = useAct(c, 'request_information', onDone);
  return (
    <ActionModal
      opened
      title={t('agent2.info.title')}
      onClose={onDone}
      submitLabel={t('agent2.info.submit')}
      pending={mutation.isPending}
      onSubmit={() => send({ message })}
    >
      <Text size="sm" c="dimmed">
        {t('agent2.info.hint')}
      </Text>
      <FormError error={mutation.error && !fieldError(mutation.error, 'message') ? mutation.error : null} />
      <Textarea
        label={t('agent2.info.question')}
        required
        autosize
        minRows={4}
        styles={OWN_DIRECTION}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={fieldError(mutation.error, 'message')}
        data-autofocus
      />
    </ActionModal>
  );
}
