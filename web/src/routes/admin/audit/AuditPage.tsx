// The audit trail (R-REC-2): every change, newest first, and a check of its hash chain, which
// would show a row altered or removed behind the application's back.
import { Alert, Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../../api/client.ts';
import { DateTime } from '../../../ui/DateTime.tsx';
import { IconAlert, IconCheck } from '../../../ui/icons.tsx';
import { EmptyView, ErrorState, ErrorText, LoadingState } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { type AuditEntry, type AuditVerification, useAdminUsers } from '../api.ts';
import { AdminPage } from '../ui.tsx';

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
      {audit.isPending ? (
        <LoadingState />
      ) : audit.isError && !audit.data ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : items.length === 0 ? (
        <EmptyView title={t('admin.audit.empty')} />
      ) : (
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
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" aria-label={t('admin.audit.title')} data-audit>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={70}>
              {t('admin.audit.seq')}
            </Table.Th>
            <Table.Th scope="col">{t('admin.audit.when')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.who')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.what')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.entity')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            const id = String(e.seq);
            return (
              <Fragment key={id}>
                <Table.Tr data-seq={id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      <Data>{id}</Data>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <DateTime iso={e.at} format="compact" />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actor(e)}</Text>
                  </Table.Td>
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
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-expanded={open === id}
                      onClick={() => setOpen(open === id ? null : id)}
                    >
                      {open === id ? t('admin.audit.hide') : t('admin.audit.details')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {open === id && (
                  <Table.Tr>
                    <Table.Td colSpan={6} bg="gray.0">
                      <Code block translate="no" dir="ltr">
                        {JSON.stringify(e.data, null, 2)}
                      </Code>
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('admin.audit.hash')} <Data>{e.hash}</Data>
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
