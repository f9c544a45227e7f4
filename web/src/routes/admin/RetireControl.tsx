import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminChange } from './api.ts';
import { ConfirmDialog } from './ui.tsx';

/**
 * Retire (after confirming) or bring back something that PATCHes `{ active }`: nothing is deleted,
 * so history keeps its department, category, service or user.
 */
export function RetireControl({
  active,
  path,
  stale,
  title,
  message,
  retireLabel,
  reactivateLabel,
  disabled,
}: {
  active: boolean;
  path: string;
  stale: readonly (readonly string[])[];
  title: string;
  message: string;
  retireLabel?: string;
  reactivateLabel?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const change = useAdminChange(
    (next: boolean) => ({ method: 'PATCH', path, body: { active: next } }),
    stale,
  );
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
