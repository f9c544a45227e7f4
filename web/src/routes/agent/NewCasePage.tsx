// Registering a case on behalf of a caller or a shop visitor (R-INTAKE-2) with the organisation's
// approved form as the server validates it (R-INTAKE-3): the fields, their labels and which are
// required come from GET /api/v1/org; every error comes back from the server in the agent's
// language. Optionally the scanned paper form, and resolving on the spot (R-INTAKE-6).
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { Org } from '../../api/types.ts';
import { CASE_TYPES, CHANNELS } from '../../features/cases/lifecycle.ts';
import { useRegisterCase } from '../../features/cases/register.ts';
import type { FormField } from '../../features/cases/types.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can } from '../../features/session/session.ts';
import { pickText } from '../../i18n/format.ts';
import { ENDONYMS, LANGUAGES } from '../../i18n/languages.ts';
import { IconArrowBack, IconPaperclip } from '../../ui/icons.tsx';
import { ErrorText } from '../../ui/States.tsx';
import { Data, renderDataOption } from '../../ui/UserText.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { READABLE_ERRORS } from './case/ActionModal.tsx';
import { OWN_DIRECTION } from './case/bidi.ts';
import { FormError, fieldError } from './case/FormError.tsx';
import { IconBolt } from './icons.tsx';

/** Channels on which an agent registers for someone in front of them or on the line. */
const ASSISTED = ['call_centre', 'store'] as const;
const LONG_TEXT = new Set(['description', 'remedySought']);
const LEFT_TO_RIGHT = new Set([
  'customer.phone',
  'customer.email',
  'customer.nationalId',
  'customer.accountId',
]);

function formFields(org: Org): FormField[] {
  const fields = (org as Org & { form?: { fields: FormField[] } }).form?.fields ?? [];
  // the nature of the complaint is never optional, whatever the form says (server: case-form.ts)
  if (fields.some((f) => f.path === 'description')) return fields;
  return [...fields, { key: 'description', path: 'description', required: true, label: {} }];
}

function assistedChannels(org: Org): string[] {
  const enabled = org.settings.channels?.length ? org.settings.channels : [...CHANNELS];
  const assisted = ASSISTED.filter((c) => enabled.includes(c));
  return assisted.length ? assisted : enabled.slice(0, 1);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="fieldset" m={0}>
      <Text component="legend" fw={700} px={4}>
        {title}
      </Text>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

export function NewCasePage() {
  const { me } = useSession();
  if (!can(me, 'cases:create')) return <Navigate to="/queues/mine" replace />;
  return <NewCaseForm />;
}

function NewCaseForm() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const navigate = useNavigate();
  const register = useRegisterCase();
  const fields = useMemo(() => formFields(org), [org]);
  const channels = assistedChannels(org);
  const caseTypes = CASE_TYPES.filter((type) => org.settings.caseTypes?.[type]?.enabled !== false);
  const [channel, setChannel] = useState(channels[0] ?? 'call_centre');
  const [type, setType] = useState<string>(caseTypes[0] ?? 'complaint');
  const [locale, setLocale] = useState<string>(org.defaultLocale);
  const [values, setValues] = useState<Record<string, string>>({});
  const [scan, setScan] = useState<File | null>(null);
  const [resolve, setResolve] = useState(false);
  const [response, setResponse] = useState('');
  const [mode, setMode] = useState<'written' | 'verbal'>('written');
  const [agreed, setAgreed] = useState(false);
  const [needsAgreement, setNeedsAgreement] = useState(false);
  useDocumentTitle(t('agent2.register.title'));

  const error = register.error;
  const set = (path: string, value: string) => setValues((v) => ({ ...v, [path]: value }));
  // the form's labels are the organisation's own words; a field it left unlabelled gets ours
  const orgLabel = (f: FormField) => pickText(f.label, i18n.language);
  const label = (f: FormField) =>
    orgLabel(f) || t(`agent2.register.field.${f.path}`, { defaultValue: f.path });
  const orgTypeName = (value: string) => pickText(org.settings.caseTypes?.[value]?.name, i18n.language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (resolve && mode === 'verbal' && !agreed) {
      setNeedsAgreement(true);
      return;
    }
    register.mutate(
      {
        type,
        channel,
        locale,
        values,
        scan,
        resolveNow: resolve
          ? { response, mode, customerAgreedToVerbal: mode === 'verbal' && agreed }
          : undefined,
      },
      {
        onSuccess: ({ view, scanError }) => {
          if (!scanError) navigate(`/cases/${view.id}`, { replace: true });
        },
      },
    );
  };

  const input = (f: FormField) => {
    const common = {
      label: orgLabel(f) ? <span translate="no">{orgLabel(f)}</span> : label(f),
      required: f.required || f.path === 'description',
      value: values[f.path] ?? '',
      error: fieldError(error, f.path),
      maxLength: f.maxLength,
    };
    if (f.path === 'category' || f.path === 'service' || f.options) {
      const data =
        f.path === 'category'
          ? org.categories
              .filter((c) => c.active)
              .map((c) => ({ value: c.code, label: pickText(c.name, i18n.language) }))
          : f.path === 'service'
            ? org.services
                .filter((s) => s.active)
                .map((s) => ({ value: s.code, label: pickText(s.name, i18n.language) }))
            : (f.options ?? []).map((o) => ({ value: o.value, label: pickText(o.label, i18n.language) }));
      return (
        <Select
          key={f.path}
          {...common}
          value={values[f.path] || null}
          onChange={(v) => set(f.path, v ?? '')}
          data={data}
          renderOption={renderDataOption}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('filters.clearField', { field: label(f) }) }}
          placeholder={t('agent2.register.choose')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    if (LONG_TEXT.has(f.path)) {
      return (
        <Textarea
          key={f.path}
          {...common}
          autosize
          minRows={f.path === 'description' ? 4 : 2}
          styles={OWN_DIRECTION}
          onChange={(e) => set(f.path, e.currentTarget.value)}
        />
      );
    }
    const ltr = LEFT_TO_RIGHT.has(f.path);
    return (
      <TextInput
        key={f.path}
        {...common}
        type={f.path === 'customer.email' ? 'email' : f.path === 'customer.phone' ? 'tel' : 'text'}
        dir={ltr ? 'ltr' : undefined}
        styles={ltr ? undefined : OWN_DIRECTION}
        autoComplete="off"
        onChange={(e) => set(f.path, e.currentTarget.value)}
      />
    );
  };

  const customerFields = fields.filter((f) => f.path.startsWith('customer.'));
  const requestFields = fields.filter((f) => !f.path.startsWith('customer.'));
  const registered = register.data;

  return (
    <Stack gap="md" maw={880} style={READABLE_ERRORS}>
      <Anchor component={Link} to="/queues/mine" size="sm">
        <Group gap={4} component="span">
          <IconArrowBack size={16} />
          {t('case.back')}
        </Group>
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('agent2.register.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('agent2.register.hint')}
        </Text>
      </div>
      {registered?.scanError && (
        <Alert color="orange" variant="light" role="alert" title={t('agent2.register.scanFailedTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('agent2.register.scanFailed')} <ErrorText error={registered.scanError} />
            </Text>
            <Anchor component={Link} to={`/cases/${registered.view.id}`} size="sm">
              <Data>{registered.view.number}</Data>
            </Anchor>
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={error} />
          <Section title={t('agent2.register.contact')}>
            {channels.length > 1 && (
              <div>
                <Text size="sm" fw={500} id="channel-label" mb={4}>
                  {t('agent2.register.channel')}
                </Text>
                <SegmentedControl
                  aria-labelledby="channel-label"
                  value={channel}
                  onChange={setChannel}
                  data={channels.map((c) => ({ value: c, label: t(`channel.${c}`, { defaultValue: c }) }))}
                />
              </div>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('agent2.register.type')}
                required
                allowDeselect={false}
                value={type}
                onChange={(v) => setType(v ?? type)}
                data={caseTypes.map((c) => ({ value: c, label: orgTypeName(c) || t(`type.${c}`) }))}
                // an organisation may rename its case types (R-INTAKE-1); those names are its data
                renderOption={({ option }) =>
                  orgTypeName(option.value) ? <span translate="no">{option.label}</span> : option.label
                }
                error={fieldError(error, 'type')}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('agent2.register.language')}
                description={t('agent2.register.languageHint')}
                required
                allowDeselect={false}
                value={locale}
                onChange={(v) => setLocale(v ?? locale)}
                data={LANGUAGES.filter((l) => org.locales.includes(l)).map((l) => ({
                  value: l,
                  label: ENDONYMS[l],
                }))}
                renderOption={renderDataOption}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('agent2.register.customer')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {customerFields.map(input)}
            </SimpleGrid>
          </Section>
          <Section title={t('agent2.register.request')}>
            {requestFields.map(input)}
            <FileInput
              label={t('agent2.register.scan')}
              description={t('agent2.register.scanHint')}
              placeholder={t('agent2.register.scanPlaceholder')}
              accept="application/pdf,image/jpeg,image/png,image/tiff"
              leftSection={<IconPaperclip size={16} />}
              value={scan}
              onChange={setScan}
              clearable
              clearButtonProps={{ 'aria-label': t('agent2.register.scanClear') }}
              // Mantine's placeholder grey is 2:1 on white; this one is text, not an attribute
              styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            />
          </Section>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Checkbox
                label={t('agent2.register.resolveNow')}
                description={t('agent2.register.resolveNowHint')}
                checked={resolve}
                onChange={(e) => setResolve(e.currentTarget.checked)}
              />
              {resolve && (
                <>
                  <Textarea
                    label={t('agent2.register.response')}
                    required
                    autosize
                    minRows={3}
                    styles={OWN_DIRECTION}
                    value={response}
                    onChange={(e) => setResponse(e.currentTarget.value)}
                    error={fieldError(error, 'resolveNow.response')}
                  />
                  <div>
                    <Text size="sm" fw={500} id="resolve-mode-label" mb={4}>
                      {t('actions.mode')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="resolve-mode-label"
                      value={mode}
                      onChange={(v) => setMode(v as 'written' | 'verbal')}
                      data={[
                        { value: 'written', label: t('actions.written') },
                        { value: 'verbal', label: t('actions.verbal') },
                      ]}
                    />
                  </div>
                  {mode === 'verbal' && (
                    <Checkbox
                      label={t('actions.customerAgreed')}
                      required
                      checked={agreed}
                      onChange={(e) => {
                        setAgreed(e.currentTarget.checked);
                        setNeedsAgreement(false);
                      }}
                      error={
                        needsAgreement && !agreed
                          ? t('agent2.respond.agreementRequired')
                          : fieldError(error, 'resolveNow.customerAgreedToVerbal')
                      }
                    />
                  )}
                </>
              )}
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/queues/mine">
              {t('actions.cancel')}
            </Button>
            <Button
              type="submit"
              loading={register.isPending}
              disabled={Boolean(registered?.scanError)}
              leftSection={resolve ? <IconBolt size={16} /> : undefined}
            >
              {t(resolve ? 'agent2.register.submitResolved' : 'agent2.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
