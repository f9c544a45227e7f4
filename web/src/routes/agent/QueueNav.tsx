import { Badge, NavLink, Text, VisuallyHidden } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQueueCounts } from '../../features/cases/cases.ts';
import { type QueueId, visibleQueues } from '../../features/cases/queues.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { useFormatters } from '../../i18n/format.ts';
import { IconInbox, IconList, IconUser, IconUserQuestion, IconUsers } from '../../ui/icons.tsx';

const QUEUE_ICON: Record<QueueId, ComponentType<{ size?: number }>> = {
  mine: IconUser,
  department: IconUsers,
  unassigned: IconUserQuestion,
  all: IconList,
};

export function QueueNav() {
  const { t } = useTranslation();
  const { me, org } = useSession();
  const { queue: current } = useParams();
  const counts = useQueueCounts(me);
  const f = useFormatters(org.timezone);
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4} component="h2">
        <IconInbox size={14} style={{ verticalAlign: 'middle', marginInlineEnd: 6 }} />
        {t('nav.queues')}
      </Text>
      {visibleQueues(me).map((queue) => {
        const Icon = QUEUE_ICON[queue];
        const count = counts[queue];
        return (
          <NavLink
            key={queue}
            component={Link}
            to={`/queues/${queue}`}
            label={
              <>
                {t(`queue.${queue}`)}
                {count !== undefined && <VisuallyHidden>{t('queue.openCount', { count })}</VisuallyHidden>}
              </>
            }
            leftSection={<Icon size={18} />}
            active={current === queue}
            aria-current={current === queue ? 'page' : undefined}
            rightSection={
              count !== undefined ? (
                <Badge size="sm" variant="light" color="gray" aria-hidden="true" data-queue-count={queue}>
                  {f.number(count)}
                </Badge>
              ) : null
            }
          />
        );
      })}
    </>
  );
}
