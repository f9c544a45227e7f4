// Ending the work on a case: the result told to the customer, closing, or rejecting.
import { Checkbox, SegmentedControl, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECTION_REASONS } from '../../../features/cases/lifecycle.ts';
import { ActionModal, type DialogProps, useAct } from './ActionModal.tsx';
import { OWN_DIRECTION } from './bidi.ts';
import { FormError, fieldError } from './FormError.tsx';

export function RespondForm({ c, onDone, initialMessage = '' }: DialogProps & { initialMessage?: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState(initialMessage);
  const [steps, setSteps] = useState('');
  const [mode, setMode] = useState<'written' | 'verbal'>('written');
  const [agreed, setAgreed] = useState(false);
  // a verbal answer counts only with the customer's agreement (R-FLOW-5): asked before sending
  const [needsAgreement, setNeedsAgreement] = useState(false);
  const { mutation, send } = useAct(c, 'respond', onDone);
  return (
    <ActionModal
      opened
      title={t('actions.respond')}
      onClose={onDone}
      submitLabel={t('actions.respondSubmit')}
      pending={mutation.isPending}
      onSubmit={() => {
        if (mode === 'verbal' && !agreed) {
          setNeedsAgreement(true);
          return;
        }
        send({
          message,
          mode,
          customerAgreedToVerbal: mode === 'verbal' ? agreed : undefined,
          steps: steps
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        });
      }}
    >
      <Text size="sm" c="dimmed">
        {t('agent2.respond.hint')}
      </Text>
      <FormError error={mutation.error} />
      <Textarea
        label={t('actions.result')}
        description={t('actions.resultHint')}
        required
        autosize
        minRows={4}
        styles={OWN_DIRECTION}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={fieldError(mutation.error, 'message')}
        data-autofocus
      />
      <Textarea
        label={t('actions.steps')}
        description={t('actions.stepsHint')}
        autosize
        minRows={2}
        styles={OWN_DIRECTION}
        value={steps}
        onChange={(e) => setSteps(e.currentTarget.value)}
        error={fieldError(mutation.error, 'steps')}
      />
      <div>
        <Text size="sm" fw={500} id="mode-label" mb={4}>
          {t('actions.mode')}
        </Text>
        <SegmentedControl
          aria-labelledby="mode-label"
          value={mode}
          onChange={(v) => setMode(v as 'written' | 'verbal')}
          data={[
            { value: 'written', label: t('actions.written') },
            { value: 'verbal', label: t('actions.verbal') },
          ]}
        />
      </div>
      {mode === 'verbal' && (
        <Checkbox
          label={t('actions.customerAgreed')}
          required
          checked={agreed}
          onChange={(e) => {
            setAgreed(e.currentTarget.checked);
            setNeedsAgreement(false);
          }}
          error={
            needsAgreement && !agreed
              ? t('agent2.respond.agreementRequired')
              : fieldError(mutation.error, 'customerAgreedToVerbal')
          }
        />
      )}
    </ActionModal>
  );
}

export function CloseForm({ c, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { mutation, send } = useAct(c, 'close', onDone);
  return (
    <ActionModal
      opened
      title={t('actions.close')}
      onClose={onDone}
      submitLabel={t('actions.closeSubmit')}
      pending={mutation.isPending}
      onSubmit={() => send({ reason: reason || undefined })}
    >
      <Text size="sm">{t('actions.closeHint')}</Text>
      <FormError error={mutation.error} />
      <Textarea
        label={t('actions.comment')}
        autosize
        minRows={2}
        styles={OWN_DIRECTION}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(mutation.error, 'reason')}
      />
    </ActionModal>
  );
}

export function RejectForm({ c, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [rejection, setRejection] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState('');
  const [reason, setReason] = useState('');
  const { mutation, send } = useAct(c, 'reject', onDone);
  return (
    <ActionModal
      opened
      danger
      title={t('actions.reject')}
      onClose={onDone}
      submitLabel={t('actions.rejectSubmit')}
      pending={mutation.isPending}
      onSubmit={() =>
        send({
          rejection: rejection ?? undefined,
          duplicateOf: rejection === 'duplicate' && duplicateOf.trim() ? duplicateOf.trim() : undefined,
          reason,
        })
      }
    >
      <FormError error={mutation.error} />
      <Select
        label={t('actions.rejection')}
        required
        data={REJECTION_REASONS.map((r) => ({ value: r, label: t(`rejection.${r}`) }))}
        value={rejection}
        onChange={setRejection}
        error={fieldError(mutation.error, 'rejection')}
        data-autofocus
      />
      {rejection === 'duplicate' && (
        <TextInput
          label={t('actions.duplicateOf')}
          placeholder="KH-2026-000123"
          dir="ltr"
          value={duplicateOf}
          onChange={(e) => setDuplicateOf(e.currentTarget.value)}
          error={fieldError(mutation.error, 'duplicateOf')}
        />
      )}
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
