// Backlog ageing: the cases open now per department, by how many days since registration, with
// the overdue and the oldest. A snapshot: the period does not apply, the department does.
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { useFormatters } from '../../../i18n/format.ts';
import { Data } from '../../../ui/UserText.tsx';
import { type BacklogReport, useReport } from '../manager-api.ts';
import { ExportButtons } from '../ReportControls.tsx';
import { useReportFormat } from '../report-format.ts';
import { CHART_HEIGHT, ChartCard, Figures, NumbersTable, useChartAxes } from './ChartCard.tsx';
import { useGroupLabel } from './labels.ts';

const BACKLOG = '/api/v1/reports/backlog';
// young to old: a sequence from calm to alarming, and every band is named in the legend
const AGE_COLORS = ['teal.4', 'teal.8', 'yellow.5', 'orange.6', 'red.7', 'grape.9'];

export function BacklogCard({ department }: { department: string }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const n = useReportFormat();
  const axes = useChartAxes();
  const label = useGroupLabel();
  const params = { department: department || undefined };
  const report = useReport<BacklogReport>(BACKLOG, params);
  const buckets = report.data?.buckets ?? [];
  const bucketLabel = (key: string) => {
    const [lo, hi] = key.replace('+', '').split('-');
    return hi
      ? t('manager.backlog.range', { from: n.number(Number(lo)), to: n.number(Number(hi)) })
      : t('manager.backlog.over', { from: n.number(Number(lo)) });
  };
  const series = buckets.map((b, i) => ({
    name: `age${i}`,
    label: bucketLabel(b),
    color: AGE_COLORS[i] ?? 'gray.6',
  }));
  const rows = (report.data?.rows ?? []).map((r) => ({
    ...r,
    label: label('department', r.departmentId, r.department),
  }));
  const data = rows.map((r) => ({
    label: r.label.text,
    ...Object.fromEntries(buckets.map((b, i) => [`age${i}`, r.ages[b] ?? 0])),
  }));
  const total = rows.reduce((s, r) => s + r.total, 0);
  const overdue = rows.reduce((s, r) => s + r.breached, 0);
  const oldest = rows
    .map((r) => r.oldestAt)
    .filter((x): x is string => Boolean(x))
    .sort()[0];
  return (
    <ChartCard
      id="backlog"
      title={t('manager.backlog.title')}
      description={t('manager.backlog.hint')}
      exports={<ExportButtons path={BACKLOG} params={params} what={t('manager.backlog.title')} />}
      pending={report.isPending}
      error={report.error}
      onRetry={() => report.refetch()}
      empty={!rows.length}
      emptyText={t('manager.backlog.empty')}
      headline={
        <Figures
          items={[
            { label: t('manager.metric.stillOpen'), value: n.number(total) },
            {
              label: t('manager.metric.overdue'),
              value: n.number(overdue),
              tone: overdue ? 'red.8' : undefined,
            },
            {
              label: t('manager.backlog.oldest'),
              value: oldest ? f.duration(Date.now() - Date.parse(oldest)) : '—',
            },
          ]}
        />
      }
      legend={series.map((s) => ({ label: s.label, color: s.color }))}
      chart={
        <BarChart
          h={Math.max(CHART_HEIGHT, rows.length * 40 + 40)}
          data={data}
          dataKey="label"
          type="stacked"
          orientation="vertical"
          maxBarWidth={28}
          series={series}
          valueFormatter={n.number}
          gridAxis="y"
          tickLine="none"
          accessibilityLayer={false}
          {...axes.rows(160)}
          xAxisProps={{ ...axes.rows(160).xAxisProps, allowDecimals: false }}
        />
      }
      table={
        <NumbersTable
          caption={t('manager.backlog.title')}
          columns={[
            { key: 'department', label: t('manager.dimension.department') },
            { key: 'total', label: t('manager.metric.stillOpen') },
            ...buckets.map((b, i) => ({ key: `age${i}`, label: bucketLabel(b) })),
            { key: 'overdue', label: t('manager.metric.overdue') },
            { key: 'oldest', label: t('manager.backlog.oldestSince') },
          ]}
          rows={rows.map((r) => ({
            key: r.departmentId,
            attrs: { 'data-group': r.departmentId },
            cells: {
              department: <Data>{r.label.text}</Data>,
              total: n.number(r.total),
              ...Object.fromEntries(buckets.map((b, i) => [`age${i}`, n.number(r.ages[b] ?? 0)])),
              overdue: n.number(r.breached),
              oldest: r.oldestAt ? <Data>{f.date(r.oldestAt)}</Data> : '—',
            },
          }))}
        />
      }
    />
  );
}
