// The parts of the list screens and the row editors: the tab with its hint and "New …" button, the
// table with its empty state, the name-over-code cell, status and row actions, the details row of
// the logs, the remove button of an edited row, and which item the edit dialog is open for.
import {
  ActionIcon,
  Button,
  Group,
  Stack,
  Table,
  type TableProps,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Data } from '../../../ui/UserText.tsx';
import { IconPencil, IconPlus, IconTrash } from '../icons.tsx';
import { RetireControl, type RetireProps } from './RetireControl.tsx';

/** A tab that lists items: what the list holds and its "New …" button, then the list and its dialogs. */
export function ListTab({
  hint,
  newLabel,
  onNew,
  newDisabled,
  children,
}: {
  hint: string;
  newLabel: string;
  onNew: () => void;
  newDisabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <NewButton onClick={onNew} disabled={newDisabled}>
          {newLabel}
        </NewButton>
      </Group>
      {children}
    </Stack>
  );
}

export function NewButton({
  onClick,
  disabled,
  children,
}: {
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button leftSection={<IconPlus size={16} />} onClick={onClick} disabled={disabled}>
      {children}
    </Button>
  );
}

/** A column heading: its text, or a width, or read only by screen readers (an actions column). */
export type Column = string | { label: string; w?: number; hidden?: boolean };

/**
 * A labelled table of items that scrolls sideways on narrow screens, one row per item (`children`
 * draws it), or `empty` when there are none. `data-*` attributes go on the table, for tests.
 */
export function ItemsTable<T>({
  label,
  minWidth,
  columns,
  items,
  empty,
  children,
  verticalSpacing = 'sm',
  ...table
}: {
  label: string;
  minWidth: number;
  columns: Column[];
  items: readonly T[];
  empty?: ReactNode;
  children: (item: T, index: number) => ReactNode;
} & Pick<TableProps, 'verticalSpacing' | 'highlightOnHover'>) {
  if (items.length === 0 && empty) return <>{empty}</>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} aria-label={label} {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const { label, w, hidden } = typeof c === 'string' ? { label: c } : c;
              return (
                <Table.Th key={label} scope="col" w={w}>
                  {hidden ? <VisuallyHidden>{label}</VisuallyHidden> : label}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map(children)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * An item's name over its code (both data, not UI text): `badge` goes beside the name (given,
 * even empty, the name sits in a row with it), `detail` after the code, `children` below both.
 */
export function NameCell({
  name,
  code,
  badge,
  detail,
  children,
}: {
  name: string;
  code?: string;
  badge?: ReactNode;
  detail?: ReactNode;
  children?: ReactNode;
}) {
  const title = (
    <Text size="sm" fw={600}>
      <Data>{name}</Data>
    </Text>
  );
  return (
    <Table.Td>
      {badge !== undefined ? (
        <Group gap="xs">
          {title}
          {badge}
        </Group>
      ) : (
        title
      )}
      {code !== undefined && (
        <Text size="xs" c="dimmed">
          <Data>{code}</Data>
          {detail}
        </Text>
      )}
      {children}
    </Table.Td>
  );
}

export function TextCell({ children }: { children: ReactNode }) {
  return (
    <Table.Td>
      <Text size="sm">{children}</Text>
    </Table.Td>
  );
}

export function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap">
        {children}
      </Group>
    </Table.Td>
  );
}

/** "Edit", announced with the item's name so each row's button says what it opens. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      leftSection={<IconPencil size={14} />}
      onClick={onClick}
      aria-label={t('admin.common.editNamed', { name })}
    >
      {t('admin.common.edit')}
    </Button>
  );
}

/** Removes a row being edited (a holiday, an interval, a header): `label` names which one. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** An "active / retired" marker for lists. */
export function ActiveBadge({
  active,
  activeLabel,
  inactiveLabel,
}: {
  active: boolean;
  activeLabel?: string;
  inactiveLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c={active ? 'teal.9' : 'dimmed'} fw={active ? 600 : 400} data-active={active}>
      {active ? (activeLabel ?? t('admin.common.active')) : (inactiveLabel ?? t('admin.common.retired'))}
    </Text>
  );
}

/** The cells that end the row of an item that can be retired: its status, Edit, Retire or Reactivate. */
export function StatusAndActions({
  active,
  name,
  onEdit,
  retire,
}: {
  active: boolean;
  name: string;
  onEdit: () => void;
  retire: Omit<RetireProps, 'active'>;
}) {
  return (
    <>
      <Table.Td>
        <ActiveBadge active={active} />
      </Table.Td>
      <ActionsCell>
        <EditButton name={name} onClick={onEdit} />
        <RetireControl active={active} {...retire} />
      </ActionsCell>
    </>
  );
}

/** Opens or closes the row of details under a log entry. */
export function DetailsButton({
  expanded,
  onClick,
  children,
}: {
  expanded: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button size="compact-sm" variant="subtle" aria-expanded={expanded} onClick={onClick}>
      {children}
    </Button>
  );
}

/** The full-width row of details under a log entry. */
export function DetailsRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan} bg="gray.0">
        {children}
      </Table.Td>
    </Table.Tr>
  );
}

/** Which item the create / edit dialog is open for: `item` is null while creating a new one. */
export function useEditDialog<T>() {
  const [open, setOpen] = useState<{ item: T | null } | null>(null);
  return {
    open: open !== null,
    item: open?.item ?? null,
    create: () => setOpen({ item: null }),
    edit: (item: T) => setOpen({ item }),
    close: () => setOpen(null),
  };
}
