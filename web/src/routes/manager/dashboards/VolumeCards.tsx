// Volumes (R-ANA-1): cases registered over the period, by channel / type / category / service /
// department / segment, and the first-contact resolution rate — all from /reports/volumes.
import { BarChart, LineChart } from '@mantine/charts';
import { SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Data } from '../../../ui/UserText.tsx';
import { useReport, type VolumeReport, type VolumeRow } from '../manager-api.ts';
import { bucketsOf, type Period } from '../period.ts';
import { ExportButtons } from '../ReportControls.tsx';
import { useReportFormat } from '../report-format.ts';
import { CHART_HEIGHT, ChartCard, Figures, NumbersTable, useChartAxes } from './ChartCard.tsx';
import { type Dimension, useGroupLabel } from './labels.ts';

const VOLUMES = '/api/v1/reports/volumes';

export interface Scope {
  period: Period;
  department: string;
}

function volumeParams(scope: Scope, by: string) {
  return { from: scope.period.from, to: scope.period.to, by, department: scope.department || undefined };
}

/** One row per bucket of the period, zeros where nothing was registered. */
function useTrend(scope: Scope) {
  const params = volumeParams(scope, scope.period.grain);
  const report = useReport<VolumeReport>(VOLUMES, params);
  const byKey = new Map((report.data?.rows ?? []).map((r) => [r.group, r]));
  const rows = bucketsOf(scope.period).map((key) => {
    const r = byKey.get(key);
    return {
      key,
      registered: r?.registered ?? 0,
      complaints: r?.complaints ?? 0,
      firstContactResolved: r?.firstContactResolved ?? 0,
      fcrRate: r?.fcrRate ?? null,
      answered: r?.answered ?? 0,
      open: r?.open ?? 0,
    };
  });
  return { params, report, rows, empty: !report.data?.rows.length };
}

export function VolumeTrendCard({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const n = useReportFormat();
  const axes = useChartAxes();
  const grain = scope.period.grain;
  const { params, report, rows, empty } = useTrend(scope);
  const sum = (k: 'registered' | 'complaints' | 'answered' | 'open') => rows.reduce((s, r) => s + r[k], 0);
  const data = rows.map((r) => ({ ...r, label: n.bucket(r.key, grain) }));
  return (
    <ChartCard
      id="volume-trend"
      title={t('manager.volumes.trendTitle')}
      description={t(`manager.grain.${grain}`)}
      exports={<ExportButtons path={VOLUMES} params={params} what={t('manager.volumes.trendTitle')} />}
      pending={report.isPending}
      error={report.error}
      onRetry={() => report.refetch()}
      empty={empty}
      emptyText={t('manager.volumes.empty')}
      headline={
        <Figures
          items={[
            { label: t('manager.metric.registered'), value: n.number(sum('registered')) },
            { label: t('manager.metric.complaints'), value: n.number(sum('complaints')) },
            { label: t('manager.metric.answered'), value: n.number(sum('answered')) },
            { label: t('manager.metric.stillOpen'), value: n.number(sum('open')) },
          ]}
        />
      }
      chart={
        <BarChart
          h={CHART_HEIGHT}
          data={data}
          dataKey="label"
          series={[{ name: 'registered', label: t('manager.metric.registered'), color: 'teal.7' }]}
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
          caption={t('manager.volumes.trendTitle')}
          columns={[
            { key: 'period', label: t('manager.metric.period') },
            { key: 'registered', label: t('manager.metric.registered') },
            { key: 'complaints', label: t('manager.metric.complaints') },
            { key: 'answered', label: t('manager.metric.answered') },
            { key: 'open', label: t('manager.metric.stillOpen') },
          ]}
          rows={rows.map((r) => ({
            key: r.key,
            attrs: { 'data-bucket': r.key },
            cells: {
              period: <Data>{n.bucketLong(r.key, grain)}</Data>,
              registered: n.number(r.registered),
              complaints: n.number(r.complaints),
              answered: n.number(r.answered),
              open: n.number(r.open),
            },
          }))}
        />
      }
    />
  );
}

export function FcrCard({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const n = useReportFormat();
  const axes = useChartAxes();
  const grain = scope.period.grain;
  const { params, report, rows, empty } = useTrend(scope);
  const registered = rows.reduce((s, r) => s + r.registered, 0);
  const resolved = rows.reduce((s, r) => s + r.firstContactResolved, 0);
  const data = rows.map((r) => ({ label: n.bucket(r.key, grain), fcrRate: r.fcrRate }));
  return (
    <ChartCard
      id="fcr"
      title={t('manager.fcr.title')}
      description={t('manager.fcr.hint')}
      exports={<ExportButtons path={VOLUMES} params={params} what={t('manager.fcr.title')} />}
      pending={report.isPending}
      error={report.error}
      onRetry={() => report.refetch()}
      empty={empty}
      emptyText={t('manager.volumes.empty')}
      headline={
        <Figures
          items={[
            { label: t('manager.fcr.rate'), value: registered ? n.percent(resolved / registered) : '—' },
            { label: t('manager.fcr.resolved'), value: n.number(resolved) },
            { label: t('manager.metric.registered'), value: n.number(registered) },
          ]}
        />
      }
      chart={
        <LineChart
          h={CHART_HEIGHT}
          data={data}
          dataKey="label"
          series={[{ name: 'fcrRate', label: t('manager.fcr.rate'), color: 'indigo.7' }]}
          valueFormatter={n.percent}
          curveType="linear"
          connectNulls={false}
          tickLine="none"
          accessibilityLayer={false}
          {...axes.columns}
          yAxisProps={{ ...axes.columns.yAxisProps, domain: [0, 1] }}
        />
      }
      table={
        <NumbersTable
          caption={t('manager.fcr.title')}
          columns={[
            { key: 'period', label: t('manager.metric.period') },
            { key: 'registered', label: t('manager.metric.registered') },
            { key: 'resolved', label: t('manager.fcr.resolved') },
            { key: 'rate', label: t('manager.fcr.rate') },
          ]}
          rows={rows.map((r) => ({
            key: r.key,
            attrs: { 'data-bucket': r.key },
            cells: {
              period: <Data>{n.bucketLong(r.key, grain)}</Data>,
              registered: n.number(r.registered),
              resolved: n.number(r.firstContactResolved),
              rate: r.fcrRate === null ? '—' : n.percent(r.fcrRate),
            },
          }))}
        />
      }
    />
  );
}

const BY: Dimension[] = ['channel', 'type', 'category', 'service', 'department', 'segment'];

export function VolumeByCard({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const n = useReportFormat();
  const axes = useChartAxes();
  const label = useGroupLabel();
  const [by, setBy] = useState<Dimension>('channel');
  const params = volumeParams(scope, by);
  const report = useReport<VolumeReport>(VOLUMES, params);
  const rows: (VolumeRow & { label: ReturnType<typeof label> })[] = (report.data?.rows ?? []).map((r) => ({
    ...r,
    label: label(by, r.group, r.name),
  }));
  const data = rows.map((r) => ({ label: r.label.text, registered: r.registered, complaints: r.complaints }));
  return (
    <ChartCard
      id="volume-by"
      title={t('manager.volumes.byTitle')}
      description={t('manager.volumes.byHint')}
      exports={<ExportButtons path={VOLUMES} params={params} what={t('manager.volumes.byTitle')} />}
      controls={
        <SegmentedControl
          size="xs"
          aria-label={t('manager.volumes.groupBy')}
          value={by}
          onChange={(v) => setBy(v as Dimension)}
          data={BY.map((d) => ({ value: d, label: t(`manager.dimension.${d}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      }
      pending={report.isPending}
      error={report.error}
      onRetry={() => report.refetch()}
      empty={!rows.length}
      emptyText={t('manager.volumes.empty')}
      legend={[
        { label: t('manager.metric.registered'), color: 'teal.7' },
        { label: t('manager.metric.complaints'), color: 'orange.7' },
      ]}
      chart={
        <BarChart
          h={Math.max(CHART_HEIGHT, rows.length * 36 + 40)}
          data={data}
          dataKey="label"
          orientation="vertical"
          maxBarWidth={28}
          series={[
            { name: 'registered', label: t('manager.metric.registered'), color: 'teal.7' },
            { name: 'complaints', label: t('manager.metric.complaints'), color: 'orange.7' },
          ]}
          valueFormatter={n.number}
          gridAxis="y"
          tickLine="none"
          accessibilityLayer={false}
          {...axes.rows(150)}
          xAxisProps={{ ...axes.rows(150).xAxisProps, allowDecimals: false }}
        />
      }
      table={
        <NumbersTable
          caption={t('manager.volumes.byTitle')}
          columns={[
            { key: 'group', label: t(`manager.dimension.${by}`) },
            { key: 'registered', label: t('manager.metric.registered') },
            { key: 'complaints', label: t('manager.metric.complaints') },
            { key: 'fcrRate', label: t('manager.fcr.rate') },
            { key: 'answered', label: t('manager.metric.answered') },
            { key: 'open', label: t('manager.metric.stillOpen') },
          ]}
          rows={rows.map((r) => ({
            key: r.group ?? '',
            attrs: { 'data-group': r.group ?? '' },
            cells: {
              group: r.label.data ? <Data>{r.label.text}</Data> : r.label.text,
              registered: n.number(r.registered),
              complaints: n.number(r.complaints),
              fcrRate: r.fcrRate === null ? '—' : n.percent(r.fcrRate),
              answered: n.number(r.answered),
              open: n.number(r.open),
            },
          }))}
        />
      }
    />
  );
}
