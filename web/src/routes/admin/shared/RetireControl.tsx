import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminRequest, useAdminChange } from '../api.ts';
import { ConfirmDialog } from './dialogs.tsx';

/** The change that retires (`false`) or brings back (`true`) an item that PATCHes `{ active }`. */
export const patchActive =
  (path: string) =>
  (active: boolean): AdminRequest => ({ method: 'PATCH', path, body: { active } });

export interface RetireProps {
  active: boolean;
  /** the change that sets the item's `active` */
  request: (active: boolean) => AdminRequest;
  stale: readonly (readonly string[])[];
  title: string;
  message: string;
  retireLabel?: string;
  reactivateLabel?: string;
  disabled?: boolean;
}

/**
 * Retire (after confirming) or bring back an item: nothing is deleted, so history keeps its
 * department, category, service, user, inbox, channel or SLA policy.
 */
export function RetireControl({
  active,
  request,
  stale,
  title,
  message,
  retireLabel,
  reactivateLabel,
  disabled,
}: RetireProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const change = useAdminChange(request, stale);
  if (!active) {
    return (
      <Button
        size="compact-sm"
        variant="subtle"
        loading={change.isPending}
        disabled={disabled}
        onClick={() => change.mutate(true)}
      >
        {reactivateLabel ?? t('admin.common.reactivate')}
      </Button>
    );
  }
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        disabled={disabled}
        onClick={() => setConfirming(true)}
      >
        {retireLabel ?? t('admin.common.retire')}
      </Button>
      {confirming && (
        <ConfirmDialog
          title={title}
          message={message}
          confirmLabel={retireLabel ?? t('admin.common.retire')}
          pending={change.isPending}
          error={change.error}
          onClose={() => {
            change.reset();
            setConfirming(false);
          }}
          onConfirm={() => change.mutate(false, { onSuccess: () => setConfirming(false) })}
        />
      )}
    </>
  );
}
