// The manager's dashboards (R-ANA-1): volumes, first-contact resolution, backlog ageing, SLA
// compliance per stage, extensions and CSAT — one period and one department for all of them.
import '@mantine/charts/styles.css';
import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BacklogCard } from './dashboards/BacklogCard.tsx';
import { CsatCard } from './dashboards/CsatCard.tsx';
import { ExtensionsCard, SlaComplianceCard } from './dashboards/SlaCards.tsx';
import { FcrCard, VolumeByCard, VolumeTrendCard } from './dashboards/VolumeCards.tsx';
import { REPORT_POLL_MS } from './manager-api.ts';
import { PageFrame } from './PageFrame.tsx';
import { DepartmentFilter, PeriodFilter, useReportFilters } from './ReportControls.tsx';

export function DashboardsPage() {
  const { t } = useTranslation();
  return (
    <PageFrame
      title={t('manager.dashboards.title')}
      hint={t('manager.dashboards.hint')}
      needs="reports:read"
      aside={
        <Text size="xs" c="dimmed">
          {t('manager.liveEvery', { count: REPORT_POLL_MS / 1000 })}
        </Text>
      }
    >
      <Dashboards />
    </PageFrame>
  );
}

function Dashboards() {
  const [filters, update] = useReportFilters();
  const scope = filters.period ? { period: filters.period, department: filters.department } : null;
  return (
    <Stack gap="md">
      <Card withBorder padding="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <PeriodFilter filters={filters} onChange={update} />
          <DepartmentFilter value={filters.department} onChange={(department) => update({ department })} />
        </Group>
      </Card>
      {scope && (
        <>
          <VolumeTrendCard scope={scope} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <VolumeByCard scope={scope} />
            <FcrCard scope={scope} />
            <BacklogCard department={scope.department} />
            <SlaComplianceCard scope={scope} />
            <ExtensionsCard scope={scope} />
            <CsatCard scope={scope} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
