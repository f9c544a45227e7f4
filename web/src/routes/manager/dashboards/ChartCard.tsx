// The frame of every dashboard chart: heading, download links, headline figures, the chart (a
// picture for the eye), a legend in words, and the numbers behind it as a table — the chart's
// accessible form, and what a reader copies. Loading, error and empty states look the same in all.
import { Box, Card, ColorSwatch, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../i18n/languages.ts';
import { ErrorState } from '../../../ui/States.tsx';

export const CHART_HEIGHT = 240;

/** A Mantine colour ('teal.7') as a CSS value, for swatches drawn outside the chart. */
export const cssColor = (c: string) => `var(--mantine-color-${c.replace('.', '-')})`;

export interface LegendItem {
  label: string;
  color: string;
}

export function ChartCard({
  id,
  title,
  description,
  controls,
  exports,
  pending,
  error,
  onRetry,
  empty,
  emptyText,
  headline,
  legend,
  chart,
  table,
}: {
  id: string;
  title: string;
  description?: string;
  controls?: ReactNode;
  exports?: ReactNode;
  pending: boolean;
  error: unknown;
  onRetry: () => void;
  empty: boolean;
  emptyText?: string;
  headline?: ReactNode;
  legend?: LegendItem[];
  /** null when there is nothing to draw (the headline says why) */
  chart: ReactNode;
  table: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = `chart-${id}-title`;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={titleId} data-chart={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Title order={2} size="h4" id={titleId}>
              {title}
            </Title>
            {description && (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {exports}
        </Group>
        {controls}
        {pending ? (
          <Skeleton height={CHART_HEIGHT} radius="sm" aria-hidden="true" />
        ) : error && empty ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : empty ? (
          <Text size="sm" c="dimmed" ta="center" py={CHART_HEIGHT / 3} data-empty>
            {emptyText ?? t('manager.chart.empty')}
          </Text>
        ) : (
          <>
            {headline}
            {/* a picture for the eye: the table below says the same to everyone. Its words are data
                names and Intl-formatted dates, so translation tools leave it alone. */}
            {chart && (
              <Box aria-hidden="true" translate="no">
                {chart}
              </Box>
            )}
            {legend && legend.length > 1 && <Legend items={legend} />}
            <details>
              <summary>
                <Text span size="sm" c="teal.9" fw={500}>
                  {t('manager.chart.showNumbers')}
                </Text>
              </summary>
              <Table.ScrollContainer minWidth={360} mt="xs">
                {table}
              </Table.ScrollContainer>
            </details>
          </>
        )}
      </Stack>
    </Card>
  );
}

function Legend({ items }: { items: LegendItem[] }) {
  return (
    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((i) => (
        <Group key={i.label} gap={6} component="li" wrap="nowrap">
          <ColorSwatch
            color={cssColor(i.color)}
            size={12}
            radius="xs"
            withShadow={false}
            aria-hidden="true"
          />
          <Text size="xs">{i.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

export interface Column {
  key: string;
  label: string;
}

/** A table of report numbers: the first column names the row, the others are right-aligned figures. */
export function NumbersTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: Column[];
  rows: { key: string; cells: Record<string, ReactNode>; attrs?: Record<string, string> }[];
}) {
  const [first, ...rest] = columns;
  return (
    <Table striped verticalSpacing={4} fz="sm" data-numbers captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) => (
            <Table.Th key={c.key} scope="col" ta={i === 0 ? 'start' : 'end'}>
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key} {...r.attrs}>
            {first && (
              <Table.Th scope="row" fw={500} data-col={first.key}>
                {r.cells[first.key]}
              </Table.Th>
            )}
            {rest.map((c) => (
              <Table.Td key={c.key} ta="end" data-col={c.key} style={{ whiteSpace: 'nowrap' }}>
                {r.cells[c.key]}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Headline figures above a chart: a few labelled numbers. */
export function Figures({ items }: { items: { label: string; value: string; tone?: string }[] }) {
  return (
    <Group gap="xl" component="dl" style={{ margin: 0 }}>
      {items.map((i) => (
        <div key={i.label}>
          <Text component="dt" size="xs" c="dimmed">
            {i.label}
          </Text>
          {/* figures are numbers and durations formatted by Intl: data, not UI text */}
          <Text component="dd" size="xl" fw={700} c={i.tone} style={{ margin: 0 }} translate="no">
            {i.value}
          </Text>
        </div>
      ))}
    </Group>
  );
}

/**
 * Axis settings that follow the reading direction: in Arabic time and categories run from the
 * right, the value axis sits on the right, and bars grow leftwards.
 */
export function useChartAxes() {
  const { i18n } = useTranslation();
  const rtl = directionOf(i18n.language) === 'rtl';
  const tick = {
    fontSize: 12,
    fill: 'currentColor',
    transform: rtl ? 'translate(10, 0)' : 'translate(-10, 0)',
  };
  const orientation = rtl ? ('right' as const) : ('left' as const);
  return {
    rtl,
    /** categories or time along the bottom, values up the side */
    columns: {
      xAxisProps: { reversed: rtl },
      yAxisProps: { orientation, tick },
      tooltipProps: { wrapperStyle: { direction: rtl ? ('rtl' as const) : ('ltr' as const) } },
    },
    /** categories down the side, bars along the bottom */
    rows: (width: number) => ({
      xAxisProps: { reversed: rtl },
      yAxisProps: {
        orientation,
        width,
        tick,
        tickFormatter: (v: unknown) => shorten(String(v), 24),
      },
      tooltipProps: { wrapperStyle: { direction: rtl ? ('rtl' as const) : ('ltr' as const) } },
    }),
  };
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
