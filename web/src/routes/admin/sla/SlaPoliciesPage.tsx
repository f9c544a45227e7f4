// SLA policies (R-SLA-2): staged targets in business hours or days, chosen per case by the most
// specific matching conditions; warnings before a breach and the manager's alert after one.
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { enc, SLA_STAGES, type SlaPolicy, type SlaTarget, useAdminChange, useSlaPolicies } from '../api.ts';
import { IconPencil, IconPlus } from '../icons.tsx';
import { ActiveBadge, AdminPage, ConfirmDialog } from '../ui.tsx';
import { SlaPolicyForm } from './SlaPolicyForm.tsx';

export function useTargetText() {
  const { t } = useTranslation();
  return (target: SlaTarget) =>
    t(target.unit === 'business_days' ? 'admin.sla.days' : 'admin.sla.hours', { count: target.amount });
}

export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [retiring, setRetiring] = useState<SlaPolicy | null>(null);
  return (
    <AdminPage
      title={t('admin.sla.title')}
      description={t('admin.sla.description')}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('admin.sla.new')}
        </Button>
      }
    >
      {policies.isPending ? (
        <LoadingState />
      ) : policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <EmptyView title={t('admin.sla.empty')} description={t('admin.sla.emptyHint')} />
      ) : (
        <PolicyTable items={policies.data} onEdit={setEditing} onRetire={setRetiring} />
      )}
      {editing && (
        <SlaPolicyForm
          policy={editing === 'new' ? null : editing}
          taken={(policies.data ?? []).map((p) => p.code)}
          onClose={() => setEditing(null)}
        />
      )}
      {retiring && <RetirePolicy policy={retiring} onClose={() => setRetiring(null)} />}
    </AdminPage>
  );
}

function PolicyTable({
  items,
  onEdit,
  onRetire,
}: {
  items: SlaPolicy[];
  onEdit: (p: SlaPolicy) => void;
  onRetire: (p: SlaPolicy) => void;
}) {
  const { t, i18n } = useTranslation();
  const target = useTargetText();
  const reactivate = useAdminChange(
    (p: SlaPolicy) => ({
      method: 'PUT',
      path: `/api/v1/admin/sla-policies/${enc(p.code)}`,
      body: { ...withoutCode(p), active: true },
    }),
    [['admin', 'sla-policies']],
  );
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" aria-label={t('admin.sla.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.sla.policy')}</Table.Th>
            <Table.Th scope="col">{t('admin.sla.appliesTo')}</Table.Th>
            <Table.Th scope="col">{t('admin.sla.targets')}</Table.Th>
            <Table.Th scope="col">{t('admin.sla.warnAt')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const conditions = [
              p.caseType && t(`type.${p.caseType}`),
              p.priority && t(`priority.${p.priority}`),
              p.segment && t(`admin.sla.segment.${p.segment}`),
              p.channel && t(`channel.${p.channel}`),
            ].filter(Boolean) as string[];
            return (
              <Table.Tr key={p.code} data-policy={p.code} style={p.active ? undefined : { opacity: 0.7 }}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    <Data>{pickText(p.name, i18n.language)}</Data>
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Data>{p.code}</Data> · {t('admin.sla.positionShort', { position: p.position })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {conditions.length ? (
                    <Group gap={4}>
                      {conditions.map((c) => (
                        <Badge key={c} variant="light" color="gray" size="sm">
                          {c}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('admin.sla.allCases')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {SLA_STAGES.filter((s) => p.targets[s]).map((s) => (
                      <Text size="xs" key={s}>
                        {t('admin.sla.stageTarget', {
                          stage: t(`sla.stage.${s}`),
                          target: target(p.targets[s]!),
                        })}
                      </Text>
                    ))}
                    {p.managerAfter && (
                      <Text size="xs" c="dimmed">
                        {t('admin.sla.managerAfterShort', { target: target(p.managerAfter) })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('admin.sla.percent', { value: p.warnAtPercent })}</Text>
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={p.active} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => onEdit(p)}
                      aria-label={t('admin.common.editNamed', { name: pickText(p.name, i18n.language) })}
                    >
                      {t('admin.common.edit')}
                    </Button>
                    {p.active ? (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRetire(p)}>
                        {t('admin.common.retire')}
                      </Button>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        loading={reactivate.isPending && reactivate.variables?.code === p.code}
                        onClick={() => reactivate.mutate(p)}
                      >
                        {t('admin.common.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function withoutCode(p: SlaPolicy): Omit<SlaPolicy, 'code'> & Record<string, unknown> {
  const { code: _code, ...rest } = p;
  return rest;
}

function RetirePolicy({ policy, onClose }: { policy: SlaPolicy; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const retire = useAdminChange(
    (p: SlaPolicy) => ({
      method: 'PUT',
      path: `/api/v1/admin/sla-policies/${enc(p.code)}`,
      body: { ...withoutCode(p), active: false },
    }),
    [['admin', 'sla-policies']],
  );
  return (
    <ConfirmDialog
      title={t('admin.sla.retireTitle')}
      message={t('admin.sla.retireMessage', { name: pickText(policy.name, i18n.language) })}
      confirmLabel={t('admin.common.retire')}
      pending={retire.isPending}
      error={retire.error}
      onClose={onClose}
      onConfirm={() => retire.mutate(policy, { onSuccess: onClose })}
    />
  );
}
