// One-off closures (maintenance, training): the clock stops from "from" up to "to", local time.
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconTrash } from '../icons.tsx';
import { AUTO_DIR, fieldError } from '../ui.tsx';
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
        {fieldError(error, 'closures') && (
          <Text size="sm" c="red.8" role="alert">
            {fieldError(error, 'closures')}
          </Text>
        )}
        {closures.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm">
            {t('admin.calendars.noClosures')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing={6} aria-label={t('admin.calendars.closures')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={220}>
                    {t('admin.calendars.from')}
                  </Table.Th>
                  <Table.Th scope="col" w={220}>
                    {t('admin.calendars.to')}
                  </Table.Th>
                  <Table.Th scope="col">{t('admin.calendars.reason')}</Table.Th>
                  <Table.Th scope="col" w={48}>
                    <VisuallyHidden>{t('admin.common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {closures.map((c, n) => {
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
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('admin.calendars.removeClosure', { n: row })}
                          onClick={() => onChange(closures.filter((x) => x.id !== c.id))}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Fieldset>
  );
}
