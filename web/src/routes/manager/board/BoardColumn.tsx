// One list of the follow-up board: its cases with a checkbox each, "select all", the count and
// the bulk action buttons, and designed loading / empty / error states.
import {
  Anchor,
  Badge,
  Card,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListItem } from '../../../api/types.ts';
import { StatusBadge } from '../../../ui/Badges.tsx';
import { ErrorState } from '../../../ui/States.tsx';
import { Data, UserText } from '../../../ui/UserText.tsx';
import { customerName } from '../../agent/case/customer-name.ts';

export interface ColumnProps {
  id: 'ready' | 'open';
  title: string;
  hint: string;
  emptyText: string;
  items: CaseListItem[] | undefined;
  pending: boolean;
  error: unknown;
  onRetry: () => void;
  capped?: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  /** the bulk action buttons, given the selected cases */
  actions: ReactNode;
  /** what the last cell says about a case (when answered, how old, its deadline) */
  aside: (c: CaseListItem) => ReactNode;
  showStatus?: boolean;
}

export function BoardColumn(p: ColumnProps) {
  const { t } = useTranslation();
  const items = p.items ?? [];
  const chosen = items.filter((c) => p.selected.has(c.id)).length;
  const all = items.length > 0 && chosen === items.length;
  const titleId = `board-${p.id}-title`;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={titleId} data-board={p.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" id={titleId}>
              {p.title}
            </Title>
            <Text size="xs" c="dimmed">
              {p.hint}
            </Text>
          </div>
          {p.items && (
            <Badge size="lg" variant="light" color="gray" data-count={items.length} style={{ flexShrink: 0 }}>
              {t('manager.board.count', { count: items.length })}
            </Badge>
          )}
        </Group>
        {p.capped && (
          <Text size="xs" c="orange.9">
            {t('manager.board.capped', { count: items.length })}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Checkbox
            label={t('manager.board.selectAll')}
            checked={all}
            indeterminate={chosen > 0 && !all}
            disabled={!items.length}
            onChange={() =>
              p.onSelect(
                items.map((c) => c.id),
                !all,
              )
            }
          />
          <Group gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('manager.board.selected', { count: chosen })}
            </Text>
            {p.actions}
          </Group>
        </Group>
        {p.pending ? (
          <Stack gap="xs" aria-hidden="true">
            {Array.from({ length: 5 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <Skeleton key={i} height={52} radius="sm" />
            ))}
          </Stack>
        ) : p.error && !p.items ? (
          <ErrorState error={p.error} onRetry={p.onRetry} />
        ) : !items.length ? (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            {p.emptyText}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing={6} aria-labelledby={titleId} highlightOnHover layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={36}>
                    <VisuallyHidden>{t('manager.board.select')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th scope="col">{t('manager.board.case')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr
                    key={c.id}
                    data-case-id={c.id}
                    data-case-number={c.number}
                    bg={p.selected.has(c.id) ? 'var(--mantine-color-teal-0)' : undefined}
                  >
                    <Table.Td>
                      <Checkbox
                        aria-label={t('manager.board.selectCase', { number: c.number })}
                        checked={p.selected.has(c.id)}
                        onChange={(e) => p.onSelect([c.id], e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap">
                        <Anchor
                          component={Link}
                          to={`/cases/${c.id}`}
                          state={{ from: '/manager/follow-up' }}
                          fw={600}
                          size="sm"
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          <Data>{c.number}</Data>
                        </Anchor>
                        {p.showStatus && <StatusBadge status={c.status} />}
                      </Group>
                      <UserText size="sm" className="truncate" title={c.summary}>
                        {c.summary}
                      </UserText>
                      <Text size="xs" c="dimmed" className="truncate">
                        <Data>{customerName(c.customer) || '—'}</Data>
                        {' · '}
                        <Data>{c.department.name}</Data>
                      </Text>
                      <Group gap="xs" mt={4} wrap="wrap">
                        {p.aside(c)}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
