// The organisation's business calendars, which department counts on which, and a new calendar
// started as a copy of an existing one.
import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { intlLocale } from '../../../i18n/languages.ts';
import { DateTime } from '../../../ui/DateTime.tsx';
import { EmptyView } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import {
  type CalendarItem,
  type CalendarSpec,
  enc,
  useAdminChange,
  useCalendars,
  type Weekday,
} from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { CodeInput, FormModal } from '../shared/dialogs.tsx';
import { ItemsTable, NewButton, TextCell } from '../shared/lists.tsx';
import { FormError, fieldError } from '../shared/server-errors.tsx';
import { weekdayName, weekOrder } from './calendar-draft.ts';

export function CalendarsPage() {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const [creating, setCreating] = useState(false);
  return (
    <AdminPage
      title={t('admin.calendars.title')}
      description={t('admin.calendars.description')}
      actions={
        <NewButton onClick={() => setCreating(true)} disabled={!calendars.data}>
          {t('admin.calendars.new')}
        </NewButton>
      }
    >
      <QueryView query={calendars}>
        {(items) =>
          items.length === 0 ? (
            <EmptyView title={t('admin.calendars.empty')} description={t('admin.calendars.emptyHint')} />
          ) : (
            <>
              <CalendarTable items={items} />
              <DepartmentCalendars items={items} />
            </>
          )
        }
      </QueryView>
      {creating && calendars.data && (
        <NewCalendar items={calendars.data} onClose={() => setCreating(false)} />
      )}
    </AdminPage>
  );
}

/** "Mon–Fri 09:00–18:00"-like summary: each working day with its hours. */
function WeekSummary({ spec }: { spec: CalendarSpec }) {
  const { i18n } = useTranslation();
  const { org } = useSession();
  const locale = intlLocale(i18n.language);
  const days = weekOrder(org.country).filter((d: Weekday) => spec.week[d]?.length);
  return (
    <Stack gap={0}>
      {days.map((d) => (
        <Text key={d} size="xs">
          <span translate="no">{weekdayName(d, locale, 'short')}</span>{' '}
          <Data>{spec.week[d]!.map(([a, b]) => `${a}–${b}`).join(', ')}</Data>
        </Text>
      ))}
    </Stack>
  );
}

function CalendarTable({ items }: { items: CalendarItem[] }) {
  const { t } = useTranslation();
  const year = String(new Date().getFullYear());
  return (
    <ItemsTable
      label={t('admin.calendars.title')}
      minWidth={760}
      highlightOnHover
      columns={[
        t('admin.calendars.name'),
        t('admin.org.timezone'),
        t('admin.calendars.week'),
        t('admin.calendars.holidaysThisYear', { year }),
        t('admin.calendars.updated'),
      ]}
      items={items}
    >
      {(c) => {
        const thisYear = c.calendar.holidays.filter((h) => h.date.startsWith(year));
        const estimated = thisYear.filter((h) => h.estimated).length;
        return (
          <Table.Tr key={c.code} data-calendar={c.code}>
            <Table.Td>
              <Group gap="xs">
                <Anchor component={Link} to={`/admin/calendars/${enc(c.code)}`} fw={600} size="sm">
                  <Data>{c.calendar.name || c.code}</Data>
                </Anchor>
                {c.isDefault && (
                  <Badge variant="light" size="sm">
                    {t('admin.calendars.default')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                <Data>{c.code}</Data>
              </Text>
            </Table.Td>
            <TextCell>
              <Data>{c.calendar.timezone}</Data>
            </TextCell>
            <Table.Td>
              <WeekSummary spec={c.calendar} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t('admin.calendars.holidayCount', { count: thisYear.length })}</Text>
              {estimated > 0 && (
                <Badge color="yellow" variant="light" size="sm">
                  {t('admin.calendars.toConfirm', { count: estimated })}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <DateTime iso={c.updatedAt} format="compact" />
              </Text>
              <Text size="xs" c="dimmed">
                {t('admin.calendars.version', { version: c.version })}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      }}
    </ItemsTable>
  );
}

/** Which calendar each department's deadlines are counted on (its own, else the default). */
function DepartmentCalendars({ items }: { items: CalendarItem[] }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const assign = useAdminChange(
    ({ department, calendar }: { department: string; calendar: string | null }) => ({
      method: 'PUT',
      path: `/api/v1/admin/departments/${enc(department)}/calendar`,
      body: { calendar },
    }),
    [['admin', 'calendars']],
  );
  // not a possible calendar code, so it cannot clash with a real one
  const DEFAULT = '*';
  const options = [
    { value: DEFAULT, label: t('admin.calendars.orgDefault') },
    ...items.map((c) => ({ value: c.code, label: c.calendar.name || c.code })),
  ];
  const own = (code: string) => items.find((c) => c.departments.includes(code))?.code ?? DEFAULT;
  return (
    <Stack gap="xs" mt="md">
      <Title order={2} size="h4">
        {t('admin.calendars.departments')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('admin.calendars.departmentsHint')}
      </Text>
      <FormError error={assign.error} shown={(f) => f === 'calendar'} />
      <ItemsTable
        label={t('admin.calendars.departments')}
        minWidth={520}
        verticalSpacing={6}
        columns={[t('admin.structure.department'), { label: t('admin.calendars.calendar'), w: 320 }]}
        items={org.departments.filter((d) => d.active)}
      >
        {(d) => {
          const name = pickText(d.name, i18n.language);
          const pending = assign.isPending && assign.variables?.department === d.code;
          return (
            <Table.Tr key={d.code}>
              <Table.Td>
                <Data>{name}</Data>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('admin.calendars.calendarOf', { department: name })}
                  data={options}
                  renderOption={renderDataOption}
                  value={own(d.code)}
                  allowDeselect={false}
                  disabled={pending}
                  onChange={(v) =>
                    assign.mutate({ department: d.code, calendar: !v || v === DEFAULT ? null : v })
                  }
                  error={
                    assign.variables?.department === d.code ? fieldError(assign.error, 'calendar') : undefined
                  }
                />
              </Table.Td>
            </Table.Tr>
          );
        }}
      </ItemsTable>
    </Stack>
  );
}

function NewCalendar({ items, onClose }: { items: CalendarItem[]; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [from, setFrom] = useState(items.find((c) => c.isDefault)?.code ?? items[0]?.code ?? null);
  const create = useAdminChange(
    ({ code, spec }: { code: string; spec: CalendarSpec }) => ({
      method: 'PUT',
      path: `/api/v1/admin/calendars/${enc(code)}`,
      body: spec as unknown as Record<string, unknown>,
    }),
    [['admin', 'calendars']],
  );
  const taken = items.some((c) => c.code === code.trim());
  return (
    <FormModal
      title={t('admin.calendars.new')}
      onClose={onClose}
      submitLabel={t('admin.calendars.create')}
      pending={create.isPending}
      onSubmit={() => {
        const source = items.find((c) => c.code === from)?.calendar;
        if (!source || taken) return;
        const spec = { ...source, name: '' };
        delete (spec as { name?: string }).name;
        create.mutate(
          { code: code.trim(), spec },
          { onSuccess: () => navigate(`/admin/calendars/${enc(code.trim())}`) },
        );
      }}
    >
      <FormError error={create.error} shown={(f) => f === 'params.code'} />
      <CodeInput
        value={code}
        onChange={setCode}
        taken={taken}
        error={fieldError(create.error, 'params.code')}
      />
      <Select
        label={t('admin.calendars.copyFrom')}
        data={items.map((c) => ({ value: c.code, label: c.calendar.name || c.code }))}
        renderOption={renderDataOption}
        value={from}
        onChange={setFrom}
        allowDeselect={false}
      />
    </FormModal>
  );
}
