import { Anchor, Button, Center, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CaseListItem } from '../../api/types.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { PriorityBadge, StatusBadge } from '../../ui/Badges.tsx';
import { DateTime } from '../../ui/DateTime.tsx';
import { Data, UserText } from '../../ui/UserText.tsx';
import { listedName } from './case/customer-name.ts';
import { NextSlaBadge } from './case/SlaBadges.tsx';

interface Props {
  items: CaseListItem[];
  active: number;
  onActivate: (index: number) => void;
  onOpen: (item: CaseListItem) => void;
}

export function CaseTable({ items, active, onActivate, onOpen }: Props) {
  const { t } = useTranslation();
  const { org } = useSession();
  const location = useLocation();
  // the case view's "back" returns to this queue with its filters
  const from = `${location.pathname}${location.search}`;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" data-case-list aria-label={t('list.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.number')}</Table.Th>
            <Table.Th scope="col">{t('list.subject')}</Table.Th>
            <Table.Th scope="col">{t('list.customer')}</Table.Th>
            <Table.Th scope="col">{t('list.status')}</Table.Th>
            <Table.Th scope="col">{t('list.priority')}</Table.Th>
            <Table.Th scope="col" visibleFrom="xl">
              {t('list.department')}
            </Table.Th>
            <Table.Th scope="col">{t('list.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c, index) => (
            <Table.Tr
              key={c.id}
              id={`case-row-${c.id}`}
              className="case-row"
              data-active={index === active}
              onClick={() => {
                onActivate(index);
                onOpen(c);
              }}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/cases/${c.id}`}
                  state={{ from }}
                  fw={600}
                  size="sm"
                  onClick={(e) => e.stopPropagation()}
                  onFocus={() => onActivate(index)}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  <Data>{c.number}</Data>
                </Anchor>
              </Table.Td>
              <Table.Td maw={360}>
                <UserText size="sm" className="truncate" title={c.summary}>
                  {c.summary}
                </UserText>
                <NextSlaBadge sla={c.sla} />
              </Table.Td>
              <Table.Td>
                <UserText size="sm">{listedName(c.customer, org)}</UserText>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={c.priority} />
              </Table.Td>
              <Table.Td visibleFrom="xl">
                <Text size="sm">
                  <Data>{c.department.name}</Data>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  <DateTime iso={c.updatedAt} format="compact" />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4} visibleFrom="sm">
        {t('list.keyboardHint')}
      </Text>
    </Table.ScrollContainer>
  );
}

export function CaseTableSkeleton() {
  return (
    <Stack gap="xs" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

export function LoadMore({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mt="md">
      <Group>
        <Button variant="default" onClick={onClick} loading={loading}>
          {t('list.loadMore')}
        </Button>
      </Group>
    </Center>
  );
}
