// Public holidays: whole local days off. Lunar (Islamic) dates come from the holiday library as
// estimates; the administrator confirms each once the official date is announced.
import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { intlLocale } from '../../../i18n/languages.ts';
import { IconCheck } from '../../../ui/icons.tsx';
import { IconPlus } from '../icons.tsx';
import { ItemsTable, RemoveButton } from '../shared/lists.tsx';
import { AUTO_DIR, useLanguageOrder } from '../shared/localized.tsx';
import { ErrorLine, fieldError, fieldErrorsUnder, SectionError } from '../shared/server-errors.tsx';
import { describeDate, type HolidayRow, rowId } from './calendar-draft.ts';

export function HolidaysEditor({
  holidays,
  onChange,
  error,
  sentIndex,
}: {
  holidays: HolidayRow[];
  onChange: (rows: HolidayRow[]) => void;
  error: unknown;
  /** where a row was in the list last sent, to find the server's `holidays[i]` errors */
  sentIndex: (id: number) => number;
}) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const { own } = useLanguageOrder();
  const locale = intlLocale(i18n.language);
  const years = [...new Set(holidays.map((h) => h.date.slice(0, 4)).filter((y) => /^\d{4}$/.test(y)))].sort();
  const thisYear = String(new Date().getFullYear());
  const [year, setYear] = useState(years.includes(thisYear) ? thisYear : 'all');
  const estimated = holidays.filter((h) => h.estimated).length;
  // rows added since the page opened stay in view whatever year their date is typed in
  const [added, setAdded] = useState<ReadonlySet<number>>(new Set());
  const visible = holidays.filter((h) => year === 'all' || h.date.startsWith(year) || added.has(h.id));
  const update = (id: number, patch: Partial<HolidayRow>) =>
    onChange(holidays.map((h) => (h.id === id ? { ...h, ...patch } : h)));
  const add = () => {
    const id = rowId();
    setAdded((ids) => new Set(ids).add(id));
    onChange([...holidays, { id, date: '', name: {}, estimated: false }]);
  };

  return (
    <Fieldset legend={t('admin.calendars.holidays')} variant="filled" p="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('admin.calendars.holidaysHint')}
        </Text>
        {estimated > 0 && (
          <Alert color="yellow" variant="light" title={t('admin.calendars.estimatedTitle')}>
            {t('admin.calendars.estimatedCount', { count: estimated })}
          </Alert>
        )}
        <SectionError error={error} field="holidays" />
        <Group justify="space-between">
          {years.length > 1 ? (
            <SegmentedControl
              size="xs"
              aria-label={t('admin.calendars.year')}
              value={year}
              onChange={setYear}
              data={[
                ...years.map((y) => ({ value: y, label: <span translate="no">{y}</span> })),
                { value: 'all', label: t('admin.calendars.allYears') },
              ]}
            />
          ) : (
            <span />
          )}
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
            {t('admin.calendars.addHoliday')}
          </Button>
        </Group>
        <ItemsTable
          label={t('admin.calendars.holidays')}
          minWidth={720}
          verticalSpacing={6}
          data-holidays
          columns={[
            { label: t('admin.calendars.date'), w: 170 },
            ...own.map((l) => t('admin.calendars.holidayName', { language: t(`languageName.${l}`) })),
            { label: t('admin.calendars.dateStatus'), w: 150 },
            { label: t('admin.common.actions'), w: 48, hidden: true },
          ]}
          items={visible}
          empty={
            <Text size="sm" c="dimmed" py="sm">
              {t('admin.calendars.noHolidays')}
            </Text>
          }
        >
          {(h) => {
            const i = sentIndex(h.id);
            const at = i >= 0 ? `holidays[${i}]` : null;
            const described = describeDate(h.date, locale, Boolean(org.settings.hijri));
            const rowLabel = h.date || t('admin.calendars.newHoliday');
            return (
              <Table.Tr key={h.id} data-holiday={h.date}>
                <Table.Td>
                  <TextInput
                    type="date"
                    size="xs"
                    aria-label={t('admin.calendars.dateOf', { holiday: rowLabel })}
                    value={h.date}
                    onChange={(e) => update(h.id, { date: e.currentTarget.value })}
                    error={at ? fieldError(error, `${at}.date`, at) : undefined}
                    description={described ? <span translate="no">{described}</span> : undefined}
                    inputWrapperOrder={['input', 'description', 'error']}
                  />
                </Table.Td>
                {own.map((l) => (
                  <Table.Td key={l}>
                    <TextInput
                      size="xs"
                      lang={l}
                      styles={AUTO_DIR}
                      aria-label={t('admin.calendars.holidayNameOf', {
                        language: t(`languageName.${l}`),
                        holiday: rowLabel,
                      })}
                      value={h.name[l] ?? ''}
                      onChange={(e) => update(h.id, { name: { ...h.name, [l]: e.currentTarget.value } })}
                      error={at ? fieldError(error, `${at}.name.${l}`) : undefined}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  {h.estimated ? (
                    <Group gap={6} wrap="nowrap">
                      <Badge color="yellow" variant="light" size="sm">
                        {t('admin.calendars.estimated')}
                      </Badge>
                      <Tooltip label={t('admin.calendars.confirmHint')}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconCheck size={14} />}
                          onClick={() => update(h.id, { estimated: false })}
                          aria-label={t('admin.calendars.confirmDate', { holiday: rowLabel })}
                        >
                          {t('admin.calendars.confirm')}
                        </Button>
                      </Tooltip>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('admin.calendars.confirmed')}
                    </Text>
                  )}
                  <ErrorLine>{at && fieldErrorsUnder(error, `${at}.estimated`)}</ErrorLine>
                </Table.Td>
                <Table.Td>
                  <RemoveButton
                    label={t('admin.calendars.removeHoliday', { holiday: rowLabel })}
                    onClick={() => onChange(holidays.filter((x) => x.id !== h.id))}
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
