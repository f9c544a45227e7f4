// The outbox: every message to customers and staff, newest first, as it was (or will be) sent,
// with the provider's answer when it failed.
import { Badge, Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../ui/DateTime.tsx';
import { EmptyView, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { type OutboxItem, useOutbox } from '../api.ts';
import { AdminPage, LocalText } from '../ui.tsx';

const STATUS_COLOR: Record<OutboxItem['status'], string> = { pending: 'yellow', sent: 'teal', failed: 'red' };
const FILTERS = ['', 'pending', 'sent', 'failed'] as const;

export function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('');
  const outbox = useOutbox(status);
  return (
    <AdminPage title={t('admin.outbox.title')} description={t('admin.outbox.description')}>
      <SegmentedControl
        aria-label={t('admin.outbox.filter')}
        value={status || 'all'}
        onChange={(v) => setStatus(v === 'all' ? '' : v)}
        data={FILTERS.map((f) => ({ value: f || 'all', label: t(`admin.outbox.show.${f || 'all'}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {outbox.isPending ? (
        <LoadingState />
      ) : outbox.isError && !outbox.data ? (
        <ErrorState error={outbox.error} onRetry={() => outbox.refetch()} />
      ) : outbox.data.length === 0 ? (
        <EmptyView title={t('admin.outbox.empty')} description={t('admin.outbox.emptyHint')} />
      ) : (
        <OutboxTable items={outbox.data} />
      )}
    </AdminPage>
  );
}

function OutboxTable({ items }: { items: OutboxItem[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" aria-label={t('admin.outbox.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.outbox.created')}</Table.Th>
            <Table.Th scope="col">{t('admin.outbox.message')}</Table.Th>
            <Table.Th scope="col">{t('admin.outbox.recipient')}</Table.Th>
            <Table.Th scope="col">{t('admin.outbox.case')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.outbox.provider')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((n) => (
            <Fragment key={n.id}>
              <Table.Tr data-outbox={n.id}>
                <Table.Td>
                  <Text size="sm">
                    <DateTime iso={n.createdAt} format="compact" />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`admin.templates.events.${n.event}`, { defaultValue: n.event })}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`admin.templates.${n.channel === 'email' ? 'email' : 'sms'}`)} ·{' '}
                    {t(`admin.outbox.audience.${n.audience}`, { defaultValue: n.audience })}
                    {n.segments ? <> · {t('admin.templates.segments', { count: n.segments })}</> : null}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <Data>{n.recipient}</Data>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{n.caseNumber ? <Data>{n.caseNumber}</Data> : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[n.status]} variant="light" data-status={n.status}>
                    {t(`admin.outbox.status.${n.status}`)}
                  </Badge>
                  {n.attempts > 1 && (
                    <Text size="xs" c="dimmed">
                      {t('admin.outbox.attempts', { count: n.attempts })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {n.provider === 'local-outbox' || !n.provider ? (
                      t('admin.outbox.local')
                    ) : (
                      <Data>{n.provider}</Data>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-expanded={open === n.id}
                    onClick={() => setOpen(open === n.id ? null : n.id)}
                  >
                    {open === n.id ? t('admin.outbox.hide') : t('admin.outbox.show.message')}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {open === n.id && (
                <Table.Tr>
                  <Table.Td colSpan={7} bg="gray.0">
                    <Stack gap="xs" p="xs">
                      {n.lastError && (
                        <Text size="sm" c="red.8">
                          {t('admin.outbox.lastError')} <Data>{n.lastError}</Data>
                        </Text>
                      )}
                      {n.sentAt && (
                        <Text size="xs" c="dimmed">
                          {t('admin.outbox.sentAt')} <DateTime iso={n.sentAt} />
                        </Text>
                      )}
                      {n.subject && (
                        <LocalText fw={600} lang={n.locale}>
                          {n.subject}
                        </LocalText>
                      )}
                      <LocalText component="div" size="sm" className="pre-wrap" lang={n.locale}>
                        {n.body ?? ''}
                      </LocalText>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
