// Customer satisfaction (R-QA-4): surveys sent and answered in the period, the mean rating (1–5)
// and the share of satisfied customers (4–5), per agent, department, channel or category.
import { BarChart } from '@mantine/charts';
import { SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Data } from '../../../ui/UserText.tsx';
import { type CsatReport, useReport } from '../manager-api.ts';
import { useReportFormat } from '../report-format.ts';
import { CHART_HEIGHT, ChartCard, Figures, NumbersTable, useChartAxes } from './ChartCard.tsx';
import { type Dimension, useGroupLabel } from './labels.ts';
import type { Scope } from './VolumeCards.tsx';

const CSAT = '/api/v1/reports/csat';
const BY = ['agent', 'department', 'channel', 'category'] as const;

export function CsatCard({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const n = useReportFormat();
  const axes = useChartAxes();
  const label = useGroupLabel();
  const [by, setBy] = useState<(typeof BY)[number]>('agent');
  const params = {
    from: scope.period.from,
    to: scope.period.to,
    by,
    department: scope.department || undefined,
  };
  const report = useReport<CsatReport>(CSAT, params);
  const total = report.data?.total;
  const rows = (report.data?.items ?? []).map((r) => ({
    ...r,
    label: label(by as Dimension, r.group, r.name),
  }));
  const rated = rows.some((r) => r.meanRating !== null);
  const share = (v: number | null) => (v === null ? '—' : n.percent(v));
  return (
    <ChartCard
      id="csat"
      title={t('manager.csat.title')}
      description={t('manager.csat.hint')}
      controls={
        <SegmentedControl
          size="xs"
          aria-label={t('manager.volumes.groupBy')}
          value={by}
          onChange={(v) => setBy(v as (typeof BY)[number])}
          data={BY.map((d) => ({ value: d, label: t(`manager.dimension.${d}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      }
      pending={report.isPending}
      error={report.error}
      onRetry={() => report.refetch()}
      empty={!total?.sent}
      emptyText={t('manager.csat.empty')}
      headline={
        total && (
          <>
            <Figures
              items={[
                {
                  label: t('manager.csat.mean'),
                  value: total.meanRating === null ? '—' : n.rating(total.meanRating),
                },
                { label: t('manager.csat.satisfied'), value: share(total.satisfied) },
                { label: t('manager.csat.responseRate'), value: share(total.responseRate) },
                { label: t('manager.csat.answered'), value: n.number(total.count) },
              ]}
            />
            {!rated && (
              <Text size="sm" c="dimmed">
                {t('manager.csat.noAnswers')}
              </Text>
            )}
          </>
        )
      }
      chart={
        rated && (
          <BarChart
            h={Math.max(CHART_HEIGHT, rows.length * 36 + 40)}
            data={rows.map((r) => ({ label: r.label.text, meanRating: r.meanRating }))}
            dataKey="label"
            orientation="vertical"
            maxBarWidth={28}
            series={[{ name: 'meanRating', label: t('manager.csat.mean'), color: 'teal.7' }]}
            valueFormatter={n.rating}
            gridAxis="y"
            tickLine="none"
            accessibilityLayer={false}
            {...axes.rows(150)}
            xAxisProps={{ ...axes.rows(150).xAxisProps, domain: [0, 5], ticks: [0, 1, 2, 3, 4, 5] }}
          />
        )
      }
      table={
        <NumbersTable
          caption={t('manager.csat.title')}
          columns={[
            { key: 'group', label: t(`manager.dimension.${by}`) },
            { key: 'sent', label: t('manager.csat.sent') },
            { key: 'answered', label: t('manager.csat.answered') },
            { key: 'responseRate', label: t('manager.csat.responseRate') },
            { key: 'mean', label: t('manager.csat.mean') },
            { key: 'satisfied', label: t('manager.csat.satisfied') },
          ]}
          rows={rows.map((r) => ({
            key: r.group ?? '',
            attrs: { 'data-group': r.group ?? '' },
            cells: {
              group: r.label.data ? <Data>{r.label.text}</Data> : r.label.text,
              sent: n.number(r.sent),
              answered: n.number(r.count),
              responseRate: share(r.responseRate),
              mean: r.meanRating === null ? '—' : n.rating(r.meanRating),
              satisfied: share(r.satisfied),
            },
          }))}
        />
      }
    />
  );
}
