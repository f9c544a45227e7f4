// Create or change one SLA policy. New cases use it at once; running clocks keep their targets.
import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import {
  enc,
  SLA_STAGES,
  type SlaPolicy,
  type SlaStageName,
  type SlaTarget,
  type SlaUnit,
  useAdminChange,
} from '../api.ts';
import { CASE_TYPES } from '../organisation/OrganisationPage.tsx';
import { CodeInput, ItemFormModal } from '../shared/dialogs.tsx';
import { filledIn, NameInputs } from '../shared/localized.tsx';
import { fieldError, SectionError } from '../shared/server-errors.tsx';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const SEGMENTS = ['individual', 'business_owner'] as const;
// not a possible value of a condition, so it cannot clash with a real option
const ANY = '*';

interface TargetDraft {
  on: boolean;
  amount: number | string;
  unit: SlaUnit;
}

interface Draft {
  code: string;
  name: LocalizedText;
  caseType: string;
  priority: string;
  segment: string;
  channel: string;
  position: number | string;
  targets: Record<SlaStageName, TargetDraft>;
  warnAtPercent: number | string;
  managerAfter: TargetDraft;
  active: boolean;
}

const off = (unit: SlaUnit = 'business_days'): TargetDraft => ({ on: false, amount: '', unit });
const fromTarget = (t: SlaTarget | null | undefined, unit?: SlaUnit): TargetDraft =>
  t ? { on: true, amount: t.amount, unit: t.unit } : off(unit);
const toTarget = (t: TargetDraft): SlaTarget | null =>
  t.on ? { amount: t.amount === '' ? Number.NaN : Number(t.amount), unit: t.unit } : null;

function toDraft(p: SlaPolicy | null): Draft {
  return {
    code: p?.code ?? '',
    name: { ...(p?.name ?? {}) },
    caseType: p?.caseType ?? ANY,
    priority: p?.priority ?? ANY,
    segment: p?.segment ?? ANY,
    channel: p?.channel ?? ANY,
    position: p?.position ?? 100,
    targets: Object.fromEntries(
      SLA_STAGES.map((s) => [
        s,
        fromTarget(p?.targets[s], s === 'first_response' ? 'business_hours' : undefined),
      ]),
    ) as Draft['targets'],
    warnAtPercent: p?.warnAtPercent ?? 75,
    managerAfter: fromTarget(p?.managerAfter, 'business_hours'),
    active: p?.active ?? true,
  };
}

function toBody(d: Draft) {
  const num = (v: number | string) => (v === '' ? null : Number(v));
  return {
    name: filledIn(d.name),
    caseType: d.caseType === ANY ? null : d.caseType,
    priority: d.priority === ANY ? null : d.priority,
    segment: d.segment === ANY ? null : d.segment,
    channel: d.channel === ANY ? null : d.channel,
    position: num(d.position),
    targets: Object.fromEntries(
      SLA_STAGES.flatMap((s) => (d.targets[s].on ? [[s, toTarget(d.targets[s])]] : [])),
    ),
    warnAtPercent: num(d.warnAtPercent),
    managerAfter: toTarget(d.managerAfter),
    active: d.active,
  };
}

function TargetInputs({
  label,
  value,
  onChange,
  error,
  field,
}: {
  label: string;
  value: TargetDraft;
  onChange: (v: TargetDraft) => void;
  error: unknown;
  field: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-stage={field}>
      <Table.Th scope="row" fw={500}>
        <Checkbox
          label={label}
          checked={value.on}
          onChange={(e) => onChange({ ...value, on: e.currentTarget.checked })}
        />
      </Table.Th>
      <Table.Td>
        <NumberInput
          size="xs"
          aria-label={t('admin.sla.amountOf', { stage: label })}
          value={value.amount}
          onChange={(v) => onChange({ ...value, amount: v })}
          min={0}
          decimalScale={value.unit === 'business_days' ? 0 : 2}
          disabled={!value.on}
          error={fieldError(error, `${field}.amount`, field)}
        />
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={t('admin.sla.unitOf', { stage: label })}
          data={[
            { value: 'business_hours', label: t('admin.sla.unitHours') },
            { value: 'business_days', label: t('admin.sla.unitDays') },
          ]}
          value={value.unit}
          onChange={(v) => v && onChange({ ...value, unit: v as SlaUnit })}
          allowDeselect={false}
          disabled={!value.on}
          error={fieldError(error, `${field}.unit`)}
        />
      </Table.Td>
    </Table.Tr>
  );
}

export function SlaPolicyForm({
  policy,
  taken,
  onClose,
}: {
  policy: SlaPolicy | null;
  taken: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { org } = useSession();
  const [draft, setDraft] = useState(() => toDraft(policy));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useAdminChange(
    () => ({
      method: 'PUT',
      path: `/api/v1/admin/sla-policies/${enc(draft.code.trim())}`,
      body: toBody(draft),
    }),
    [['admin', 'sla-policies']],
  );
  const codeTaken = !policy && taken.includes(draft.code.trim());
  const any = { value: ANY, label: t('admin.sla.any') };
  const condition = (
    key: 'caseType' | 'priority' | 'segment' | 'channel',
    label: string,
    data: { value: string; label: string }[],
  ) => (
    <Select
      label={label}
      data={[any, ...data]}
      value={draft[key]}
      onChange={(v) => set(key, v ?? ANY)}
      allowDeselect={false}
      error={fieldError(save.error, key)}
    />
  );
  const shown = (f: string) =>
    /^(params\.code|code|name|caseType|priority|segment|channel|position|targets|warnAtPercent|managerAfter)/.test(
      f,
    );

  return (
    <ItemFormModal
      title={policy ? t('admin.sla.editTitle') : t('admin.sla.new')}
      size="xl"
      creating={!policy}
      submitLabel={t('admin.common.save')}
      save={save}
      shown={shown}
      ready={() => !codeTaken}
      onClose={onClose}
    >
      {!policy && (
        <CodeInput
          value={draft.code}
          onChange={(v) => set('code', v)}
          taken={codeTaken}
          error={fieldError(save.error, 'params.code', 'code')}
        />
      )}
      <NameInputs value={draft.name} onChange={(v) => set('name', v)} error={save.error} />
      <Fieldset legend={t('admin.sla.conditions')} variant="filled" p="sm">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('admin.sla.conditionsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {condition(
              'caseType',
              t('admin.sla.caseType'),
              CASE_TYPES.map((c) => ({ value: c, label: t(`type.${c}`) })),
            )}
            {condition(
              'priority',
              t('admin.sla.priority'),
              PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })),
            )}
            {condition(
              'segment',
              t('admin.sla.segmentLabel'),
              SEGMENTS.map((s) => ({ value: s, label: t(`admin.sla.segment.${s}`) })),
            )}
            {condition(
              'channel',
              t('admin.sla.channel'),
              (org.settings.channels ?? []).map((c) => ({ value: c, label: t(`channel.${c}`) })),
            )}
          </SimpleGrid>
          <NumberInput
            label={t('admin.sla.position')}
            description={t('admin.sla.positionHint')}
            value={draft.position}
            onChange={(v) => set('position', v)}
            min={0}
            max={10000}
            allowDecimal={false}
            maw={240}
            error={fieldError(save.error, 'position')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('admin.sla.targets')} variant="filled" p="sm">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('admin.sla.targetsHint')}
          </Text>
          <SectionError error={save.error} field="targets" />
          <Table verticalSpacing={6} layout="fixed" aria-label={t('admin.sla.targets')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.sla.stage')}</Table.Th>
                <Table.Th scope="col" w={140}>
                  {t('admin.sla.amount')}
                </Table.Th>
                <Table.Th scope="col" w={180}>
                  {t('admin.sla.unit')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SLA_STAGES.map((s) => (
                <TargetInputs
                  key={s}
                  label={t(`sla.stage.${s}`)}
                  value={draft.targets[s]}
                  onChange={(v) => set('targets', { ...draft.targets, [s]: v })}
                  error={save.error}
                  field={`targets.${s}`}
                />
              ))}
              <TargetInputs
                label={t('admin.sla.managerAfter')}
                value={draft.managerAfter}
                onChange={(v) => set('managerAfter', v)}
                error={save.error}
                field="managerAfter"
              />
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('admin.sla.firstResponseHint')}
          </Text>
        </Stack>
      </Fieldset>
      <Group align="flex-end" gap="xl">
        <NumberInput
          label={t('admin.sla.warnAt')}
          description={t('admin.sla.warnAtHint')}
          value={draft.warnAtPercent}
          onChange={(v) => set('warnAtPercent', v)}
          min={1}
          max={99}
          suffix=" %"
          allowDecimal={false}
          maw={240}
          error={fieldError(save.error, 'warnAtPercent')}
        />
        <Switch
          label={t('admin.common.activeLabel')}
          checked={draft.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
          mb={6}
        />
      </Group>
    </ItemFormModal>
  );
}
