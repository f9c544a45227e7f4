// Team view: who holds what — open cases per accountable owner, those waiting on the customer,
// the overdue and the age of the oldest — filterable by department, downloadable.
import { Badge, Card, Group, Progress, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../features/session/SessionContext.tsx';
import { pickText, useFormatters } from '../../i18n/format.ts';
import { EmptyView, ErrorState } from '../../ui/States.tsx';
import { Data } from '../../ui/UserText.tsx';
import { REPORT_POLL_MS, type TeamRow, useReport } from './manager-api.ts';
import { PageFrame } from './PageFrame.tsx';
import { DepartmentFilter, ExportButtons, useReportFilters } from './ReportControls.tsx';
import { useReportFormat } from './report-format.ts';

const PATH = '/api/v1/reports/team';

export function TeamPage() {
  const { t } = useTranslation();
  return (
    <PageFrame
      title={t('manager.team.title')}
      hint={t('manager.team.hint')}
      needs="reports:read"
      aside={
        <Text size="xs" c="dimmed">
          {t('manager.liveEvery', { count: REPORT_POLL_MS / 1000 })}
        </Text>
      }
    >
      <Team />
    </PageFrame>
  );
}

function Team() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const n = useReportFormat();
  const [filters, update] = useReportFilters();
  const params = { department: filters.department || undefined };
  const report = useReport<{ rows: TeamRow[] }>(PATH, params);
  const rows = report.data?.rows ?? [];
  const most = Math.max(1, ...rows.map((r) => r.open));
  const roleName = (code: string) =>
    pickText(org.roles.find((r) => r.code === code)?.name, i18n.language, org.defaultLocale) || code;
  // the report names the department in the reader's profile language; show it in the UI's
  const departmentLabel = (name: string) => {
    const d = org.departments.find((x) => Object.values(x.name).includes(name));
    return d ? pickText(d.name, i18n.language, org.defaultLocale) : name;
  };
  const totals = rows.reduce((s, r) => ({ open: s.open + r.open, breached: s.breached + r.breached }), {
    open: 0,
    breached: 0,
  });
  const now = Date.now();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <DepartmentFilter value={filters.department} onChange={(department) => update({ department })} />
        <ExportButtons path={PATH} params={params} what={t('manager.team.title')} />
      </Group>
      <Card withBorder padding="md">
        {report.isPending ? (
          <Stack gap="xs" aria-hidden="true">
            {Array.from({ length: 6 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <Skeleton key={i} height={32} />
            ))}
          </Stack>
        ) : report.isError && !report.data ? (
          <ErrorState error={report.error} onRetry={() => report.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyView title={t('manager.team.emptyTitle')} description={t('manager.team.empty')} />
        ) : (
          <Stack gap="sm">
            <Text size="sm" role="status">
              {t('manager.team.people', { count: rows.length })}
              {' · '}
              {t('manager.team.openCases', { count: totals.open })}
              {' · '}
              {t('manager.team.overdueCases', { count: totals.breached })}
            </Text>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" highlightOnHover aria-label={t('manager.team.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('manager.team.person')}</Table.Th>
                    <Table.Th scope="col">{t('manager.team.department')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('manager.team.open')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('manager.team.waiting')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('manager.team.overdue')}
                    </Table.Th>
                    <Table.Th scope="col">{t('manager.team.oldest')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.userId} data-user-id={r.userId}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          <Data>{r.name}</Data>
                        </Text>
                        <Text size="xs" c="dimmed">
                          <Data>{roleName(r.role)}</Data>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.department ? <Data>{departmentLabel(r.department)}</Data> : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td data-col="open">
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          <Progress value={(r.open / most) * 100} size="sm" w={90} aria-hidden="true" />
                          <Text size="sm" fw={600} miw={28} ta="end">
                            {n.number(r.open)}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td ta="end" data-col="waiting">
                        {n.number(r.waitingOnCustomer)}
                      </Table.Td>
                      <Table.Td ta="end" data-col="overdue">
                        {r.breached > 0 ? (
                          <Badge color="red" variant="filled">
                            {n.number(r.breached)}
                          </Badge>
                        ) : (
                          n.number(0)
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.oldestAt ? (
                          <Text
                            size="sm"
                            title={t('manager.board.registeredAt', { at: f.dateTime(r.oldestAt) })}
                          >
                            {t('manager.team.age', { age: f.duration(now - Date.parse(r.oldestAt)) })}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
