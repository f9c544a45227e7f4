// R-SLA-4: when the resolution date cannot be met, the agent records why and the nearest new
// date; the customer is told both. A date alone means the close of that working day.
import { Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExtendResolution } from '../../../features/cases/case-work.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { DateTime } from '../../../ui/DateTime.tsx';
import { ActionModal, type DialogProps } from './ActionModal.tsx';
import { OWN_DIRECTION } from './bidi.ts';
import { FormError, fieldError } from './FormError.tsx';

/** Today in the organisation's time zone as YYYY-MM-DD (the deadline is counted there). */
export function orgToday(timeZone: string, now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function ExtendForm({ c, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { org } = useSession();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const extend = useExtendResolution(c.id);
  const current = c.sla?.stages.find((s) => s.stage === 'resolution')?.dueAt ?? c.sla?.expectedResolutionAt;
  const fieldErrors = fieldError(extend.error, 'newDueAt') || fieldError(extend.error, 'reason');
  return (
    <ActionModal
      opened
      title={t('agent2.extend.title')}
      onClose={onDone}
      submitLabel={t('agent2.extend.submit')}
      pending={extend.isPending}
      onSubmit={() => extend.mutate({ newDueAt: date, reason }, { onSuccess: onDone })}
    >
      <Text size="sm" c="dimmed">
        {t('agent2.extend.hint')}
      </Text>
      {current && (
        <Text size="sm">
          {t('agent2.extend.current')} <DateTime iso={current} />
        </Text>
      )}
      <FormError error={extend.error && !fieldErrors ? extend.error : null} />
      <TextInput
        type="date"
        label={t('agent2.extend.newDate')}
        description={t('agent2.extend.newDateHint')}
        required
        min={orgToday(org.timezone)}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        error={fieldError(extend.error, 'newDueAt')}
        data-autofocus
        w={220}
      />
      <Textarea
        label={t('agent2.extend.reason')}
        description={t('agent2.extend.reasonHint')}
        required
        autosize
        minRows={3}
        styles={OWN_DIRECTION}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(extend.error, 'reason')}
      />
    </ActionModal>
  );
}
