import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { useCaseList } from '../../features/cases/cases.ts';
import { useLiveUpdates } from '../../features/cases/live.ts';
import { isQueueId, visibleQueues } from '../../features/cases/queues.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can } from '../../features/session/session.ts';
import { EmptyView, ErrorState } from '../../ui/States.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable, CaseTableSkeleton, LoadMore } from './CaseList.tsx';
import { IconPlus } from './icons.tsx';
import { LiveStatus } from './LiveStatus.tsx';
import { hasFilters, useCaseFilters } from './useCaseFilters.ts';
import { useListKeyboard } from './useListKeyboard.ts';

export function QueuePage() {
  const { queue } = useParams();
  const { me } = useSession();
  // a queue hears about every case the user may see: its rows and the counts move with any of
  // them; one stream for all queues, kept while the agent moves between them
  useLiveUpdates(null);
  if (!isQueueId(queue) || !visibleQueues(me).includes(queue)) return <Navigate to="/queues/mine" replace />;
  return <Queue queue={queue} key={queue} />;
}

function Queue({ queue }: { queue: 'mine' | 'department' | 'unassigned' | 'all' }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const searchRef = useRef<HTMLInputElement>(null);
  const [filters, update, clear] = useCaseFilters();
  const list = useCaseList(queue, filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const location = useLocation();
  const open = (c: { id: string }) =>
    navigate(`/cases/${c.id}`, { state: { from: `${location.pathname}${location.search}` } });
  const { active, setActive } = useListKeyboard(items, open, searchRef);
  const filtered = hasFilters(filters);
  useDocumentTitle(t(`queue.${queue}`));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t(`queue.${queue}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`queue.${queue}Hint`)}
          </Text>
        </div>
        <Group gap="xs">
          {list.isFetching && !list.isPending && (
            <Badge variant="light" color="teal">
              {t('list.refreshing')}
            </Badge>
          )}
          <LiveStatus />
          {can(me, 'cases:create') && (
            <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} />}>
              {t('agent2.register.open')}
            </Button>
          )}
        </Group>
      </Group>
      <CaseFilters
        queue={queue}
        filters={filters}
        onChange={update}
        onClear={clear}
        canClear={filtered}
        searchRef={searchRef}
      />
      {list.isPending ? (
        <CaseTableSkeleton />
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 && !list.hasNextPage ? (
        filtered ? (
          <EmptyView title={t('list.noMatchTitle')} description={t('list.noMatchDescription')} />
        ) : (
          <EmptyView title={t('list.emptyTitle')} description={t(`queue.${queue}Empty`)} />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('list.shown', { count: items.length })}
          </Text>
          <CaseTable items={items} active={active} onActivate={setActive} onOpen={open} />
          {list.hasNextPage && (
            <LoadMore onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage} />
          )}
        </>
      )}
    </Stack>
  );
}
