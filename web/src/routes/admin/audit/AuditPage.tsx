// The audit trail (R-REC-2): every change, newest first, and a check of its hash chain, which
// would show a row altered or removed behind the application's back.
import { Alert, Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../../api/client.ts';
import { DateTime } from '../../../ui/DateTime.tsx';
import { IconAlert, IconCheck } from '../../../ui/icons.tsx';
import { EmptyView, ErrorText } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { type AuditEntry, type AuditVerification, useAdminUsers } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { DetailsButton, DetailsRow, ItemsTable, TextCell } from '../shared/lists.tsx';

const ENTITIES = [
  'case',
  'customer',
  'call',
  'chat',
  'user',
  'role',
  'api_token',
  'org',
  'department',
  'category',
  'service',
  'calendar',
  'sla_policy',
  'case_form',
  'notification_template',
  'notification_provider',
  'inbox',
  'channel',
] as const;
const PAGE = 50;
// not a possible entity, so it cannot clash with a real option
const ALL = '*';

function useAudit(entity: string) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', entity],
    queryFn: ({ pageParam }) =>
      api<{ items: AuditEntry[] }>(`/api/v1/audit${query({ entity, before: pageParam, limit: PAGE })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < PAGE ? undefined : Number(last.items.at(-1)!.seq)),
  });
}

export function AuditPage() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState(ALL);
  const audit = useAudit(entity === ALL ? '' : entity);
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <AdminPage title={t('admin.audit.title')} description={t('admin.audit.description')}>
      <Verify />
      <Select
        label={t('admin.audit.entity')}
        data={[
          { value: ALL, label: t('admin.audit.allEntities') },
          ...ENTITIES.map((e) => ({ value: e, label: t(`admin.audit.entities.${e}`) })),
        ]}
        value={entity}
        onChange={(v) => setEntity(v ?? ALL)}
        allowDeselect={false}
        w={300}
      />
      <QueryView query={audit}>
        {() => (
          <>
            <AuditTable items={items} />
            {audit.hasNextPage && (
              <Button
                variant="default"
                onClick={() => audit.fetchNextPage()}
                loading={audit.isFetchingNextPage}
                style={{ alignSelf: 'center' }}
              >
                {t('admin.audit.older')}
              </Button>
            )}
          </>
        )}
      </QueryView>
    </AdminPage>
  );
}

function Verify() {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: () => api<AuditVerification>('/api/v1/audit/verify', { method: 'POST' }),
  });
  const r = verify.data;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('admin.audit.verify')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('admin.audit.verifyHint')}
        </Text>
      </Group>
      <div role="status" aria-live="polite">
        {verify.isError && (
          <Alert color="red" variant="light" icon={<IconAlert />}>
            <ErrorText error={verify.error} />
          </Alert>
        )}
        {r &&
          (r.ok ? (
            <Alert color="teal" variant="light" icon={<IconCheck />} data-audit-ok>
              {t('admin.audit.intact', { count: r.rows })}
            </Alert>
          ) : (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlert />}
              title={t('admin.audit.brokenTitle')}
              data-audit-broken
            >
              {t('admin.audit.broken', {
                seq: r.firstBroken?.seq ?? 0,
                problem: t(`admin.audit.problems.${r.firstBroken?.problem ?? 'hash_mismatch'}`),
              })}
            </Alert>
          ))}
      </div>
    </Stack>
  );
}

function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const [open, setOpen] = useState<string | null>(null);
  const actor = (e: AuditEntry) => {
    if (e.actor_kind !== 'user' || !e.actor_id)
      return t(`admin.audit.actors.${e.actor_kind}`, { defaultValue: e.actor_kind });
    const u = users.data?.find((x) => x.id === e.actor_id);
    return <Data>{u?.display_name ?? e.actor_id.slice(0, 8)}</Data>;
  };
  return (
    <ItemsTable
      label={t('admin.audit.title')}
      minWidth={860}
      verticalSpacing="xs"
      data-audit
      columns={[
        { label: t('admin.audit.seq'), w: 70 },
        t('admin.audit.when'),
        t('admin.audit.who'),
        t('admin.audit.what'),
        t('admin.audit.entity'),
        t('admin.common.actions'),
      ]}
      items={items}
      empty={<EmptyView title={t('admin.audit.empty')} />}
    >
      {(e) => {
        const id = String(e.seq);
        return (
          <Fragment key={id}>
            <Table.Tr data-seq={id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  <Data>{id}</Data>
                </Text>
              </Table.Td>
              <TextCell>
                <DateTime iso={e.at} format="compact" />
              </TextCell>
              <TextCell>{actor(e)}</TextCell>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  <Data>{e.action}</Data>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`admin.audit.entities.${e.entity}`, { defaultValue: e.entity })}</Text>
                <Text size="xs" c="dimmed" ff="monospace" className="truncate" maw={260}>
                  <Data>{e.entity_id}</Data>
                </Text>
              </Table.Td>
              <Table.Td>
                <DetailsButton expanded={open === id} onClick={() => setOpen(open === id ? null : id)}>
                  {open === id ? t('admin.audit.hide') : t('admin.audit.details')}
                </DetailsButton>
              </Table.Td>
            </Table.Tr>
            {open === id && (
              <DetailsRow colSpan={6}>
                <Code block translate="no" dir="ltr">
                  {JSON.stringify(e.data, null, 2)}
                </Code>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('admin.audit.hash')} <Data>{e.hash}</Data>
                </Text>
              </DetailsRow>
            )}
          </Fragment>
        );
      }}
    </ItemsTable>
  );
}
