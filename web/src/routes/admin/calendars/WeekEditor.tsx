// The working week: for each day, no hours (a day off) or one or more intervals (split shifts).
import { Button, Fieldset, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Weekday } from '../api.ts';
import { IconPlus } from '../icons.tsx';
import { RemoveButton } from '../shared/lists.tsx';
import { ErrorLine, fieldError, fieldErrorsUnder, SectionError } from '../shared/server-errors.tsx';
import { type CalendarDraft, rowId, weekdayName } from './calendar-draft.ts';

type Week = CalendarDraft['week'];

export function WeekEditor({
  week,
  order,
  onChange,
  error,
}: {
  week: Week;
  order: Weekday[];
  onChange: (week: Week) => void;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const setDay = (day: Weekday, intervals: Week[Weekday]) => onChange({ ...week, [day]: intervals });
  // a new shift starts where the previous one ended, so a lunch break is one edit away
  const addInterval = (day: Weekday) => {
    const last = week[day].at(-1);
    const open = last ? last.close : '09:00';
    setDay(day, [...week[day], { id: rowId(), open, close: last ? '' : '18:00' }]);
  };
  return (
    <Fieldset legend={t('admin.calendars.week')} variant="filled" p="sm">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('admin.calendars.weekHint')}
        </Text>
        <SectionError error={error} field="week" />
        <Table verticalSpacing={6} layout="fixed" aria-label={t('admin.calendars.week')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={190}>
                {t('admin.calendars.day')}
              </Table.Th>
              <Table.Th scope="col">{t('admin.calendars.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.map((day) => {
              const name = weekdayName(day, i18n.language);
              const intervals = week[day];
              return (
                <Table.Tr key={day} data-weekday={day}>
                  <Table.Th scope="row" fw={500}>
                    <Switch
                      label={<span translate="no">{name}</span>}
                      checked={intervals.length > 0}
                      onChange={(e) =>
                        setDay(
                          day,
                          e.currentTarget.checked ? [{ id: rowId(), open: '09:00', close: '18:00' }] : [],
                        )
                      }
                    />
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={4}>
                      {intervals.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('admin.calendars.dayOff')}
                        </Text>
                      ) : (
                        <Group gap="sm" wrap="wrap">
                          {intervals.map((iv, i) => {
                            const n = i + 1;
                            const update = (patch: Partial<typeof iv>) =>
                              setDay(
                                day,
                                intervals.map((x) => (x.id === iv.id ? { ...x, ...patch } : x)),
                              );
                            return (
                              <Group key={iv.id} gap={4} wrap="nowrap" data-interval>
                                <TextInput
                                  aria-label={t('admin.calendars.opens', { day: name, n })}
                                  value={iv.open}
                                  onChange={(e) => update({ open: e.currentTarget.value })}
                                  placeholder="09:00"
                                  dir="ltr"
                                  w={76}
                                  size="xs"
                                  error={Boolean(fieldError(error, `week.${day}[${i}]`))}
                                />
                                <Text size="sm" aria-hidden="true">
                                  –
                                </Text>
                                <TextInput
                                  aria-label={t('admin.calendars.closes', { day: name, n })}
                                  value={iv.close}
                                  onChange={(e) => update({ close: e.currentTarget.value })}
                                  placeholder="18:00"
                                  dir="ltr"
                                  w={76}
                                  size="xs"
                                  error={Boolean(fieldError(error, `week.${day}[${i}]`))}
                                />
                                <RemoveButton
                                  label={t('admin.calendars.removeInterval', { day: name, n })}
                                  onClick={() =>
                                    setDay(
                                      day,
                                      intervals.filter((x) => x.id !== iv.id),
                                    )
                                  }
                                />
                              </Group>
                            );
                          })}
                          <Button
                            variant="subtle"
                            size="compact-xs"
                            leftSection={<IconPlus size={14} />}
                            onClick={() => addInterval(day)}
                            aria-label={t('admin.calendars.addIntervalTo', { day: name })}
                          >
                            {t('admin.calendars.addInterval')}
                          </Button>
                        </Group>
                      )}
                      <ErrorLine>{fieldErrorsUnder(error, `week.${day}`)}</ErrorLine>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Fieldset>
  );
}
