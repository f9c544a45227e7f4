// SLA policies (R-SLA-2): staged targets in business hours or days, chosen per case by the most
// specific matching conditions; warnings before a breach and the manager's alert after one.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView } from '../../../ui/States.tsx';
import { enc, SLA_STAGES, type SlaPolicy, type SlaTarget, useSlaPolicies } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import {
  ItemsTable,
  NameCell,
  NewButton,
  StatusAndActions,
  TextCell,
  useEditDialog,
} from '../shared/lists.tsx';
import { SlaPolicyForm } from './SlaPolicyForm.tsx';

export function useTargetText() {
  const { t } = useTranslation();
  return (target: SlaTarget) =>
    t(target.unit === 'business_days' ? 'admin.sla.days' : 'admin.sla.hours', { count: target.amount });
}

export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const dialog = useEditDialog<SlaPolicy>();
  return (
    <AdminPage
      title={t('admin.sla.title')}
      description={t('admin.sla.description')}
      actions={<NewButton onClick={dialog.create}>{t('admin.sla.new')}</NewButton>}
    >
      <QueryView query={policies}>{(items) => <PolicyTable items={items} onEdit={dialog.edit} />}</QueryView>
      {dialog.open && (
        <SlaPolicyForm
          policy={dialog.item}
          taken={(policies.data ?? []).map((p) => p.code)}
          onClose={dialog.close}
        />
      )}
    </AdminPage>
  );
}

function PolicyTable({ items, onEdit }: { items: SlaPolicy[]; onEdit: (p: SlaPolicy) => void }) {
  const { t, i18n } = useTranslation();
  const target = useTargetText();
  return (
    <ItemsTable
      label={t('admin.sla.title')}
      minWidth={880}
      columns={[
        t('admin.sla.policy'),
        t('admin.sla.appliesTo'),
        t('admin.sla.targets'),
        t('admin.sla.warnAt'),
        t('admin.common.status'),
        t('admin.common.actions'),
      ]}
      items={items}
      empty={<EmptyView title={t('admin.sla.empty')} description={t('admin.sla.emptyHint')} />}
    >
      {(p) => {
        const name = pickText(p.name, i18n.language);
        const conditions = [
          p.caseType && t(`type.${p.caseType}`),
          p.priority && t(`priority.${p.priority}`),
          p.segment && t(`admin.sla.segment.${p.segment}`),
          p.channel && t(`channel.${p.channel}`),
        ].filter(Boolean) as string[];
        return (
          <Table.Tr key={p.code} data-policy={p.code} style={p.active ? undefined : { opacity: 0.7 }}>
            <NameCell
              name={name}
              code={p.code}
              detail={<> · {t('admin.sla.positionShort', { position: p.position })}</>}
            />
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
            <TextCell>{t('admin.sla.percent', { value: p.warnAtPercent })}</TextCell>
            <StatusAndActions
              active={p.active}
              name={name}
              onEdit={() => onEdit(p)}
              retire={{
                request: (active) => ({
                  method: 'PUT',
                  path: `/api/v1/admin/sla-policies/${enc(p.code)}`,
                  body: { ...withoutCode(p), active },
                }),
                stale: [['admin', 'sla-policies']],
                title: t('admin.sla.retireTitle'),
                message: t('admin.sla.retireMessage', { name }),
              }}
            />
          </Table.Tr>
        );
      }}
    </ItemsTable>
  );
}

function withoutCode(p: SlaPolicy): Omit<SlaPolicy, 'code'> & Record<string, unknown> {
  const { code: _code, ...rest } = p;
  return rest;
}
