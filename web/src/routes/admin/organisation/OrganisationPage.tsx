// The organisation itself: its name, languages, time zone, Hijri dates, the channels and case
// types it uses, and whether identity is checked before account details are shown.
import { Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, LocalizedText } from '../../../api/types.ts';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { renderDataOption } from '../../../ui/UserText.tsx';
import { type AdminOrg, useAdminChange, useAdminOrg } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { filledIn, LocalizedInputs } from '../shared/localized.tsx';
import { SaveBar } from '../shared/SaveBar.tsx';
import { FormError, fieldError } from '../shared/server-errors.tsx';

export const ORG_CHANNELS = [
  'call_centre',
  'store',
  'web_form',
  'mobile_app',
  'chat',
  'email',
  'social',
  'messaging',
  'video',
  'letter',
] as const;
export const CASE_TYPES = ['complaint', 'suggestion', 'inquiry', 'compliment'] as const;

interface Draft {
  name: LocalizedText;
  defaultLocale: Locale;
  locales: Locale[];
  timezone: string;
  hijri: boolean;
  requireIdentityCheck: boolean;
  channels: string[];
  caseTypes: Record<string, boolean>;
}

function fromOrg(org: AdminOrg): Draft {
  return {
    name: { ...org.name },
    defaultLocale: org.defaultLocale,
    locales: LANGUAGES.filter((l) => org.locales.includes(l)),
    timezone: org.timezone,
    hijri: Boolean(org.settings.hijri),
    requireIdentityCheck: Boolean(org.settings.requireIdentityCheck),
    channels: ORG_CHANNELS.filter((c) => org.settings.channels?.includes(c)),
    caseTypes: Object.fromEntries(CASE_TYPES.map((t) => [t, org.settings.caseTypes?.[t]?.enabled ?? false])),
  };
}

/** Every IANA zone the browser knows (the server checks the same list). */
function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const org = useAdminOrg();
  return (
    <AdminPage title={t('admin.org.title')} description={t('admin.org.description')}>
      <QueryView query={org}>{(data) => <OrganisationForm org={data} />}</QueryView>
    </AdminPage>
  );
}

function OrganisationForm({ org }: { org: AdminOrg }) {
  const { t } = useTranslation();
  const saved = useMemo(() => fromOrg(org), [org]);
  const [draft, setDraft] = useState(saved);
  const zones = useMemo(timeZones, []);
  const save = useAdminChange(
    (d: Draft) => ({
      method: 'PATCH',
      path: '/api/v1/admin/org',
      body: {
        name: filledIn(d.name),
        defaultLocale: d.defaultLocale,
        locales: d.locales,
        timezone: d.timezone,
        hijri: d.hijri,
        requireIdentityCheck: d.requireIdentityCheck,
        channels: d.channels,
        caseTypes: Object.fromEntries(Object.entries(d.caseTypes).map(([k, enabled]) => [k, { enabled }])),
      },
    }),
    [['org']],
  );
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const shown = (f: string) => /^(name|defaultLocale|locales|timezone|channels|caseTypes)/.test(f);

  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <Stack gap="lg">
        <FormError error={save.error} shown={shown} />
        <LocalizedInputs
          legend={t('admin.org.name')}
          value={draft.name}
          onChange={(v) => set('name', v)}
          error={save.error}
          field="name"
          required
        />
        <Fieldset legend={t('admin.org.languagesAndTime')} variant="filled" p="sm">
          <Stack gap="md">
            <Checkbox.Group
              label={t('admin.org.languages')}
              description={t('admin.org.languagesHint')}
              value={draft.locales}
              onChange={(v) =>
                set(
                  'locales',
                  LANGUAGES.filter((l) => v.includes(l)),
                )
              }
              error={fieldError(save.error, 'locales')}
            >
              <Group gap="md" mt={6}>
                {LANGUAGES.map((l) => (
                  <Checkbox key={l} value={l} label={t(`languageName.${l}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('admin.org.defaultLanguage')}
                description={t('admin.org.defaultLanguageHint')}
                data={draft.locales.map((l) => ({ value: l, label: t(`languageName.${l}`) }))}
                value={draft.defaultLocale}
                onChange={(v) => v && set('defaultLocale', v as Locale)}
                allowDeselect={false}
                error={fieldError(save.error, 'defaultLocale')}
              />
              <Select
                label={t('admin.org.timezone')}
                description={t('admin.org.timezoneHint')}
                data={zones}
                renderOption={renderDataOption}
                value={draft.timezone}
                onChange={(v) => v && set('timezone', v)}
                searchable
                allowDeselect={false}
                error={fieldError(save.error, 'timezone')}
                nothingFoundMessage={t('admin.common.nothingFound')}
              />
            </SimpleGrid>
            <Switch
              label={t('admin.org.hijri')}
              description={t('admin.org.hijriHint')}
              checked={draft.hijri}
              onChange={(e) => set('hijri', e.currentTarget.checked)}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('admin.org.intake')} variant="filled" p="sm">
          <Stack gap="md">
            <Checkbox.Group
              label={t('admin.org.caseTypes')}
              description={t('admin.org.caseTypesHint')}
              value={CASE_TYPES.filter((c) => draft.caseTypes[c])}
              onChange={(v) =>
                set('caseTypes', Object.fromEntries(CASE_TYPES.map((c) => [c, v.includes(c)])))
              }
              error={fieldError(save.error, 'caseTypes')}
            >
              <Group gap="md" mt={6}>
                {CASE_TYPES.map((c) => (
                  <Checkbox key={c} value={c} label={t(`type.${c}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox.Group
              label={t('admin.org.channels')}
              description={t('admin.org.channelsHint')}
              value={draft.channels}
              onChange={(v) =>
                set(
                  'channels',
                  ORG_CHANNELS.filter((c) => v.includes(c)),
                )
              }
              error={fieldError(save.error, 'channels')}
            >
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt={6}>
                {ORG_CHANNELS.map((c) => (
                  <Checkbox key={c} value={c} label={t(`channel.${c}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Switch
              label={t('admin.org.identityCheck')}
              description={t('admin.org.identityCheckHint')}
              checked={draft.requireIdentityCheck}
              onChange={(e) => set('requireIdentityCheck', e.currentTarget.checked)}
            />
          </Stack>
        </Fieldset>
        <SaveBar dirty={dirty} save={save} onDiscard={() => setDraft(saved)} />
      </Stack>
    </form>
  );
}
