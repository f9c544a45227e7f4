// What a bulk action did, case by case: each case is handled on its own on the server, so some may
// be closed or transferred while others were refused (their status changed meanwhile, a rule).
import { Alert, List, Text, ThemeIcon } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconX } from '../../../ui/icons.tsx';
import { Data } from '../../../ui/UserText.tsx';
import type { BulkAction } from '../manager-api.ts';

export interface CaseOutcome {
  id: string;
  number: string;
  ok: boolean;
  status?: string;
  code?: string;
}

export function BulkResults({
  action,
  outcomes,
  onDismiss,
}: {
  action: BulkAction;
  outcomes: CaseOutcome[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const done = outcomes.filter((o) => o.ok).length;
  const refused = outcomes.length - done;
  // keyboard and screen-reader users land on the outcome, as sighted users see it appear
  useEffect(() => ref.current?.focus(), []);
  const why = (code: string | undefined) =>
    t(`manager.results.error.${code ?? 'other'}`, { defaultValue: t('manager.results.error.other') });
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color={refused === 0 ? 'teal' : done === 0 ? 'red' : 'yellow'}
      variant="light"
      title={t(`manager.results.title.${action}`)}
      withCloseButton
      closeButtonLabel={t('manager.results.dismiss')}
      onClose={onDismiss}
      data-bulk-results={action}
    >
      <Text size="sm" mb="xs">
        {t(`manager.results.done.${action}`, { count: done })}
        {refused > 0 && ` ${t('manager.results.refused', { count: refused })}`}
      </Text>
      <List spacing={4} size="sm" center>
        {outcomes.map((o) => (
          <List.Item
            key={o.id}
            data-case-number={o.number}
            data-outcome={o.ok ? 'ok' : 'refused'}
            icon={
              <ThemeIcon size={20} radius="xl" color={o.ok ? 'teal' : 'red'} aria-hidden="true">
                {o.ok ? <IconCheck size={14} /> : <IconX size={14} />}
              </ThemeIcon>
            }
          >
            <Data>{o.number}</Data>
            {' — '}
            {o.ok
              ? t('manager.results.nowStatus', {
                  status: t(`status.${o.status}`, { defaultValue: o.status ?? '' }),
                })
              : t('manager.results.notDone', { why: why(o.code) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
