// The outbox: every message to customers and staff, newest first, as it was (or will be) sent,
// with the provider's answer when it failed.
import { Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../ui/DateTime.tsx';
import { EmptyView } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { type OutboxItem, useOutbox } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { DetailsButton, DetailsRow, ItemsTable, TextCell } from '../shared/lists.tsx';
import { LocalText } from '../shared/localized.tsx';

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
      <QueryView query={outbox}>{(items) => <OutboxTable items={items} />}</QueryView>
    </AdminPage>
  );
}

function OutboxTable({ items }: { items: OutboxItem[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ItemsTable
      label={t('admin.outbox.title')}
      minWidth={900}
      verticalSpacing="xs"
      columns={[
        t('admin.outbox.created'),
        t('admin.outbox.message'),
        t('admin.outbox.recipient'),
        t('admin.outbox.case'),
        t('admin.common.status'),
        t('admin.outbox.provider'),
        t('admin.common.actions'),
      ]}
      items={items}
      empty={<EmptyView title={t('admin.outbox.empty')} description={t('admin.outbox.emptyHint')} />}
    >
      {(n) => (
        <Fragment key={n.id}>
          <Table.Tr data-outbox={n.id}>
            <TextCell>
              <DateTime iso={n.createdAt} format="compact" />
            </TextCell>
            <Table.Td>
              <Text size="sm">{t(`admin.templates.events.${n.event}`, { defaultValue: n.event })}</Text>
              <Text size="xs" c="dimmed">
                {t(`admin.templates.${n.channel === 'email' ? 'email' : 'sms'}`)} ·{' '}
                {t(`admin.outbox.audience.${n.audience}`, { defaultValue: n.audience })}
                {n.segments ? <> · {t('admin.templates.segments', { count: n.segments })}</> : null}
              </Text>
            </Table.Td>
            <TextCell>
              <Data>{n.recipient}</Data>
            </TextCell>
            <TextCell>{n.caseNumber ? <Data>{n.caseNumber}</Data> : '—'}</TextCell>
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
            <TextCell>
              {n.provider === 'local-outbox' || !n.provider ? (
                t('admin.outbox.local')
              ) : (
                <Data>{n.provider}</Data>
              )}
            </TextCell>
            <Table.Td>
              <DetailsButton expanded={open === n.id} onClick={() => setOpen(open === n.id ? null : n.id)}>
                {open === n.id ? t('admin.outbox.hide') : t('admin.outbox.show.message')}
              </DetailsButton>
            </Table.Td>
          </Table.Tr>
          {open === n.id && (
            <DetailsRow colSpan={7}>
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
            </DetailsRow>
          )}
        </Fragment>
      )}
    </ItemsTable>
  );
}
