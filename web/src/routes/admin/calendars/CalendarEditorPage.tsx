// One business calendar: time zone, working week, holidays and closures. New cases count their
// deadlines on the saved version; cases already registered keep theirs.
import {
  Anchor,
  Badge,
  Box,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { DateTime } from '../../../ui/DateTime.tsx';
import { IconArrowBack } from '../../../ui/icons.tsx';
import { EmptyView } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { type CalendarItem, type CalendarSpec, enc, useAdminChange, useCalendars } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { AUTO_DIR } from '../shared/localized.tsx';
import { SaveBar } from '../shared/SaveBar.tsx';
import { FormError, fieldError } from '../shared/server-errors.tsx';
import { ClosuresEditor } from './ClosuresEditor.tsx';
import { type CalendarDraft, fingerprint, toDraft, toSpec, weekOrder } from './calendar-draft.ts';
import { HolidaysEditor } from './HolidaysEditor.tsx';
import { WeekEditor } from './WeekEditor.tsx';

// the save bar stays in view at the bottom of a long calendar
const STICKY = {
  position: 'sticky',
  insetBlockEnd: 0,
  zIndex: 5,
  paddingBlock: 'var(--mantine-spacing-sm)',
  background: 'var(--mantine-color-body)',
  borderBlockStart: '1px solid var(--mantine-color-gray-3)',
} as const;

export function CalendarEditorPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const calendars = useCalendars();
  const back = (
    <Anchor component={Link} to="/admin/calendars" size="sm">
      <IconArrowBack size={16} style={{ verticalAlign: 'middle', marginInlineEnd: 4 }} />
      {t('admin.calendars.back')}
    </Anchor>
  );
  return (
    <QueryView query={calendars}>
      {(items) => {
        const item = items.find((c) => c.code === code);
        return item ? (
          <CalendarEditor item={item} back={back} />
        ) : (
          <Stack>
            {back}
            <EmptyView title={t('admin.calendars.notFound')} />
          </Stack>
        );
      }}
    </QueryView>
  );
}

function CalendarEditor({ item, back }: { item: CalendarItem; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const baseline = useMemo(() => toDraft(item.calendar), [item.calendar]);
  const [draft, setDraft] = useState<CalendarDraft>(baseline);
  const [makeDefault, setMakeDefault] = useState(false);
  // the row ids in the order last sent: the server's "holidays[3]" is the fourth of them
  const sent = useRef<{ holidays: number[]; closures: number[] }>({ holidays: [], closures: [] });
  const save = useAdminChange<{ spec: CalendarSpec; makeDefault: boolean }, CalendarSpec>(
    ({ spec, makeDefault }) => ({
      method: 'PUT',
      path: `/api/v1/admin/calendars/${enc(item.code)}${makeDefault ? '?default=true' : ''}`,
      body: spec as unknown as Record<string, unknown>,
    }),
    [['admin', 'calendars']],
  );
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const order = useMemo(() => weekOrder(org.country), [org.country]);
  const dirty = fingerprint(draft) !== fingerprint(baseline) || makeDefault;
  const set = <K extends keyof CalendarDraft>(key: K, value: CalendarDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sent.current = { holidays: draft.holidays.map((h) => h.id), closures: draft.closures.map((c) => c.id) };
    save.mutate(
      { spec: toSpec(draft), makeDefault },
      {
        onSuccess: (spec) => {
          setDraft(toDraft(spec));
          setMakeDefault(false);
        },
      },
    );
  };
  const title = draft.name.trim() || item.code;

  return (
    <AdminPage
      title={t('admin.calendars.editTitle', { name: title })}
      description={t('admin.calendars.editHint')}
    >
      <Group justify="space-between">
        {back}
        <Group gap="xs">
          {item.isDefault && <Badge variant="light">{t('admin.calendars.default')}</Badge>}
          <Text size="xs" c="dimmed">
            {t('admin.calendars.version', { version: item.version })} · <DateTime iso={item.updatedAt} />
          </Text>
        </Group>
      </Group>
      <form noValidate onSubmit={submit}>
        <Stack gap="lg">
          <FormError error={save.error} shown={(f) => /^(name|timezone|week|holidays|closures)/.test(f)} />
          <Fieldset legend={t('admin.calendars.general')} variant="filled" p="sm">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('admin.calendars.name')}
                  value={draft.name}
                  styles={AUTO_DIR}
                  onChange={(e) => set('name', e.currentTarget.value)}
                  error={fieldError(save.error, 'name')}
                />
                <Select
                  label={t('admin.org.timezone')}
                  description={t('admin.calendars.timezoneHint')}
                  data={zones}
                  renderOption={renderDataOption}
                  value={draft.timezone}
                  onChange={(v) => v && set('timezone', v)}
                  searchable
                  allowDeselect={false}
                  nothingFoundMessage={t('admin.common.nothingFound')}
                  error={fieldError(save.error, 'timezone')}
                />
              </SimpleGrid>
              {item.departments.length > 0 && (
                <Text size="sm">
                  {t('admin.calendars.usedBy')}{' '}
                  <Data>
                    {item.departments
                      .map((code) => org.departments.find((d) => d.code === code))
                      .map((d, i) => (d ? pickText(d.name, i18n.language) : item.departments[i]))
                      .join(', ')}
                  </Data>
                </Text>
              )}
              {!item.isDefault && (
                <Checkbox
                  label={t('admin.calendars.makeDefault')}
                  checked={makeDefault}
                  onChange={(e) => setMakeDefault(e.currentTarget.checked)}
                />
              )}
            </Stack>
          </Fieldset>
          <WeekEditor week={draft.week} order={order} onChange={(w) => set('week', w)} error={save.error} />
          <HolidaysEditor
            holidays={draft.holidays}
            onChange={(rows) => set('holidays', rows)}
            error={save.error}
            sentIndex={(id) => sent.current.holidays.indexOf(id)}
          />
          <ClosuresEditor
            closures={draft.closures}
            onChange={(rows) => set('closures', rows)}
            error={save.error}
            sentIndex={(id) => sent.current.closures.indexOf(id)}
          />
          <Box style={STICKY}>
            <SaveBar
              dirty={dirty}
              save={save}
              onDiscard={() => {
                setMakeDefault(false);
                setDraft(baseline);
              }}
            />
          </Box>
        </Stack>
      </form>
    </AdminPage>
  );
}
