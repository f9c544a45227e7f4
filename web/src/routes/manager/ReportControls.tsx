// Controls the report screens share: the period (presets or a custom range of days), the
// department, and the CSV / XLSX download links. The choice lives in the address, so a view can
// be bookmarked or sent to a colleague.
import { Alert, Button, Group, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../features/session/SessionContext.tsx';
import { pickText } from '../../i18n/format.ts';
import { renderDataOption } from '../../ui/UserText.tsx';
import { IconDownload } from './icons.tsx';
import { exportHref } from './manager-api.ts';
import { isPreset, type Period, PRESETS, type Preset, resolvePeriod } from './period.ts';

export interface ReportFilters {
  preset: Preset;
  customFrom: string;
  customTo: string;
  department: string;
  period: Period | null;
}

export function useReportFilters(defaultPreset: Preset = 'days7') {
  const { org } = useSession();
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const preset = isPreset(raw) ? raw : defaultPreset;
  const customFrom = params.get('from') ?? '';
  const customTo = params.get('to') ?? '';
  const department = params.get('department') ?? '';
  const period = resolvePeriod(preset, { from: customFrom, to: customTo }, org.timezone);
  const update = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const filters: ReportFilters = { preset, customFrom, customTo, department, period };
  return [filters, update] as const;
}

export function DepartmentFilter({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const options = [
    { value: '', label: t('manager.filters.allDepartments') },
    ...org.departments
      .filter((d) => d.active)
      .map((d) => ({ value: d.code, label: pickText(d.name, i18n.language, org.defaultLocale) })),
  ];
  return (
    <Select
      label={t('manager.filters.department')}
      data={options}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      allowDeselect={false}
      renderOption={(item) => (item.option.value ? renderDataOption(item) : item.option.label)}
      comboboxProps={{ withinPortal: true }}
      w={280}
    />
  );
}

export function PeriodFilter({
  filters,
  onChange,
}: {
  filters: ReportFilters;
  onChange: (patch: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const custom = filters.preset === 'custom';
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <div>
        <Text size="sm" fw={500} id="period-label" mb={4}>
          {t('manager.filters.period')}
        </Text>
        <SegmentedControl
          aria-labelledby="period-label"
          value={filters.preset}
          onChange={(v) => onChange({ period: v })}
          data={PRESETS.map((p) => ({ value: p, label: t(`manager.period.${p}`) }))}
        />
      </div>
      {custom && (
        <>
          <TextInput
            type="date"
            label={t('manager.filters.from')}
            value={filters.customFrom}
            onChange={(e) => onChange({ from: e.currentTarget.value })}
            max={filters.customTo || undefined}
          />
          <TextInput
            type="date"
            label={t('manager.filters.to')}
            value={filters.customTo}
            onChange={(e) => onChange({ to: e.currentTarget.value })}
            min={filters.customFrom || undefined}
          />
        </>
      )}
      {custom && !filters.period && (
        <Alert color="yellow" variant="light" p="xs" role="status">
          {t('manager.filters.customIncomplete')}
        </Alert>
      )}
    </Group>
  );
}

/** Download links for a report: the same query the chart shows, as a file. */
export function ExportButtons({
  path,
  params,
  what,
}: {
  path: string;
  params: Record<string, string | undefined>;
  what: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={exportHref(path, params, format)}
          download
          size="compact-xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          aria-label={t(`manager.export.${format}Of`, { what })}
          data-export={format}
        >
          {t(`manager.export.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
