// SLA compliance per stage (met on time, met late, breached) and the resolution dates moved with a
// reason (R-SLA-4 extensions) over the period — both from /reports/sla, counted when they happened.
import { BarChart } from '@mantine/charts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Data } from '../../../ui/UserText.tsx';
import { type SlaRow, useReport } from '../manager-api.ts';
import { bucketsOf } from '../period.ts';
import { ExportButtons } from '../ReportControls.tsx';
import { useReportFormat } from '../report-format.ts';
import { CHART_HEIGHT, ChartCard, Figures, NumbersTable, useChartAxes } from './ChartCard.tsx';
import { useGroupLabel } from './labels.ts';
import type { Scope } from './VolumeCards.tsx';

const SLA = '/api/v1/reports/sla';
const STAGES = ['acknowledge', 'first_response', 'investigation', 'resolution'];

function slaParams(scope: Scope, period?: string) {
  return {
    from: scope.period.from,
    to: scope.period.to,
    period,
    department: scope.department || undefined,
  };
}

export function SlaComplianceCard({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const n = useReportFormat();
  const axes = useChartAxes();
  const label = useGroupLabel();
  const params = slaParams(scope);
  const report = useReport<{ rows: SlaRow[] }>(SLA, params);
  const rows = (report.data?.rows ?? [])
    .slice()
    .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage))
    .map((r) => ({ ...r, name: label('stage', r.stage).text }));
  const series = [
    { name: 'metOnTime', label: t('manager.sla.metOnTime'), color: 'teal.7' },
    { name: 'metLate', label: t('manager.sla.metLate'), color: 'yellow.6' },
    { name: 'breached', label: t('manager.sla.breached'), color: 'red.8' },
  ];
  return (
    <ChartCard
      id="sla"
      title={t('manager.sla.title')}
      description={t('manager.sla.hint')}
      exports={<ExportButtons path={SLA} params={params} what={t('manager.sla.title')} />}
      pending={report.isPending}
      error={report.error}
      onRetry={() => report.refetch()}
      empty={!rows.length}
      emptyText={t('manager.sla.empty')}
      headline={
        <Group gap="xs" aria-label={t('manager.sla.compliance')} role="list">
          {rows.map((r) => (
            <Badge
              key={r.stage}
              role="listitem"
              size="lg"
              variant="light"
              color={
                r.compliance === null
                  ? 'gray'
                  : r.compliance >= 0.9
                    ? 'teal'
                    : r.compliance >= 0.7
                      ? 'yellow'
                      : 'red'
              }
              data-stage={r.stage}
            >
              {t('manager.sla.stageCompliance', {
                stage: r.name,
                value: r.compliance === null ? '—' : n.percent(r.compliance),
              })}
            </Badge>
          ))}
        </Group>
      }
      legend={series.map((s) => ({ label: s.label, color: s.color }))}
      chart={
        <BarChart
          h={CHART_HEIGHT}
          data={rows}
          dataKey="name"
          type="stacked"
          orientation="vertical"
          maxBarWidth={28}
          series={series}
          valueFormatter={n.number}
          gridAxis="y"
          tickLine="none"
          accessibilityLayer={false}
          {...axes.rows(130)}
          xAxisProps={{ ...axes.rows(130).xAxisProps, allowDecimals: false }}
        />
      }
      table={
        <NumbersTable
          caption={t('manager.sla.title')}
          columns={[
            { key: 'stage', label: t('manager.sla.stage') },
            { key: 'metOnTime', label: t('manager.sla.metOnTime') },
            { key: 'metLate', label: t('manager.sla.metLate') },
            { key: 'breached', label: t('manager.sla.breached') },
            { key: 'extended', label: t('manager.sla.extended') },
            { key: 'compliance', label: t('manager.sla.compliance') },
          ]}
          rows={rows.map((r) => ({
            key: r.stage,
            attrs: { 'data-stage': r.stage },
            cells: {
              stage: r.name,
              metOnTime: n.number(r.metOnTime),
              metLate: n.number(r.metLate),
              breached: n.number(r.breached),
              extended: n.number(r.extended),
              compliance: r.compliance === null ? '—' : n.percent(r.compliance),
            },
          }))}
        />
      }
    />
  );
}

export function ExtensionsCard({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const n = useReportFormat();
  const axes = useChartAxes();
  const grain = scope.period.grain;
  const params = slaParams(scope, grain);
  const report = useReport<{ rows: SlaRow[] }>(SLA, params);
  const perBucket = new Map<string, number>();
  for (const r of report.data?.rows ?? [])
    if (r.period) perBucket.set(r.period, (perBucket.get(r.period) ?? 0) + r.extended);
  const rows = bucketsOf(scope.period).map((key) => ({ key, extended: perBucket.get(key) ?? 0 }));
  const total = rows.reduce((s, r) => s + r.extended, 0);
  return (
    <ChartCard
      id="extensions"
      title={t('manager.extensions.title')}
      description={t('manager.extensions.hint')}
      exports={<ExportButtons path={SLA} params={params} what={t('manager.extensions.title')} />}
      pending={report.isPending}
      error={report.error}
      onRetry={() => report.refetch()}
      empty={total === 0}
      emptyText={t('manager.extensions.empty')}
      headline={<Figures items={[{ label: t('manager.extensions.total'), value: n.number(total) }]} />}
      chart={
        <BarChart
          h={CHART_HEIGHT}
          data={rows.map((r) => ({ label: n.bucket(r.key, grain), extended: r.extended }))}
          dataKey="label"
          series={[{ name: 'extended', label: t('manager.sla.extended'), color: 'grape.7' }]}
          valueFormatter={n.number}
          tickLine="none"
          accessibilityLayer={false}
          maxBarWidth={36}
          {...axes.columns}
          yAxisProps={{ ...axes.columns.yAxisProps, allowDecimals: false }}
        />
      }
      table={
        <NumbersTable
          caption={t('manager.extensions.title')}
          columns={[
            { key: 'period', label: t('manager.metric.period') },
            { key: 'extended', label: t('manager.sla.extended') },
          ]}
          rows={rows
            .filter((r) => r.extended > 0)
            .map((r) => ({
              key: r.key,
              attrs: { 'data-bucket': r.key },
              cells: { period: <Data>{n.bucketLong(r.key, grain)}</Data>, extended: n.number(r.extended) },
            }))}
        />
      }
    />
  );
}
