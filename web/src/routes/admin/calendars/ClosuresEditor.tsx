// One-off closures (maintenance, training): the clock stops from "from" up to "to", local time.
import { Button, Fieldset, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '../icons.tsx';
import { ItemsTable, RemoveButton } from '../shared/lists.tsx';
import { AUTO_DIR } from '../shared/localized.tsx';
import { fieldError, SectionError } from '../shared/server-errors.tsx';
import { type ClosureRow, rowId } from './calendar-draft.ts';

export function ClosuresEditor({
  closures,
  onChange,
  error,
  sentIndex,
}: {
  closures: ClosureRow[];
  onChange: (rows: ClosureRow[]) => void;
  error: unknown;
  sentIndex: (id: number) => number;
}) {
  const { t } = useTranslation();
  const update = (id: number, patch: Partial<ClosureRow>) =>
    onChange(closures.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  return (
    <Fieldset legend={t('admin.calendars.closures')} variant="filled" p="sm">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('admin.calendars.closuresHint')}
          </Text>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...closures, { id: rowId(), from: '', to: '', reason: '' }])}
            style={{ flexShrink: 0 }}
          >
            {t('admin.calendars.addClosure')}
          </Button>
        </Group>
        <SectionError error={error} field="closures" />
        <ItemsTable
          label={t('admin.calendars.closures')}
          minWidth={680}
          verticalSpacing={6}
          columns={[
            { label: t('admin.calendars.from'), w: 220 },
            { label: t('admin.calendars.to'), w: 220 },
            t('admin.calendars.reason'),
            { label: t('admin.common.actions'), w: 48, hidden: true },
          ]}
          items={closures}
          empty={
            <Text size="sm" c="dimmed" py="sm">
              {t('admin.calendars.noClosures')}
            </Text>
          }
        >
          {(c, n) => {
            const i = sentIndex(c.id);
            const at = i >= 0 ? `closures[${i}]` : null;
            const row = n + 1;
            return (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <TextInput
                    type="datetime-local"
                    size="xs"
                    aria-label={t('admin.calendars.closureFrom', { n: row })}
                    value={c.from}
                    onChange={(e) => update(c.id, { from: e.currentTarget.value })}
                    error={at ? fieldError(error, `${at}.from`, at) : undefined}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    type="datetime-local"
                    size="xs"
                    aria-label={t('admin.calendars.closureTo', { n: row })}
                    value={c.to}
                    onChange={(e) => update(c.id, { to: e.currentTarget.value })}
                    error={at ? fieldError(error, `${at}.to`) : undefined}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    styles={AUTO_DIR}
                    aria-label={t('admin.calendars.closureReason', { n: row })}
                    value={c.reason}
                    onChange={(e) => update(c.id, { reason: e.currentTarget.value })}
                    error={at ? fieldError(error, `${at}.reason`) : undefined}
                  />
                </Table.Td>
                <Table.Td>
                  <RemoveButton
                    label={t('admin.calendars.removeClosure', { n: row })}
                    onClick={() => onChange(closures.filter((x) => x.id !== c.id))}
                  />
                </Table.Td>
              </Table.Tr>
            );
          }}
        </ItemsTable>
      </Stack>
    </Fieldset>
  );
}
