// Delivery providers: SMTP for e-mail, SMPP or an HTTP gateway for SMS. Secrets come back from
// the server as •••••• and sending that mark back keeps the stored value, so a password is never
// shown again once saved. Without a provider, messages wait in the local outbox.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../ui/DateTime.tsx';
import { ServerText } from '../../../ui/States.tsx';
import { renderDataOption } from '../../../ui/UserText.tsx';
import { type ProviderConfig, type ProviderItem, useAdminChange, useProviders } from '../api.ts';
import { IconPlus } from '../icons.tsx';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { ConfirmDialog } from '../shared/dialogs.tsx';
import { RemoveButton } from '../shared/lists.tsx';
import { SaveBar } from '../shared/SaveBar.tsx';
import { FormError, serverFields } from '../shared/server-errors.tsx';

/** The mark the server shows instead of a secret. */
export const SECRET = '••••••';

type Kind = ProviderConfig['kind'];
type Values = Record<string, string | number | boolean>;
interface Draft {
  kind: Kind;
  values: Values;
  headers: { id: number; name: string; value: string }[];
}

const DEFAULTS: Record<Kind, Values> = {
  smtp: { host: '', port: 587, secure: false, user: '', password: '', from: '', replyTo: '' },
  smpp: {
    host: '',
    port: 2775,
    systemId: '',
    password: '',
    systemType: '',
    sourceAddr: '',
    sourceTon: '',
    sourceNpi: '',
  },
  http: { url: '', method: 'POST', contentType: 'application/json', bodyTemplate: '', successStatus: '' },
};

let nextId = 1;

function toDraft(item: ProviderItem): Draft {
  const kind: Kind = item.config?.kind ?? (item.channel === 'email' ? 'smtp' : 'smpp');
  const values: Values = { ...DEFAULTS[kind] };
  for (const [k, v] of Object.entries(item.config ?? {})) {
    if (
      k !== 'kind' &&
      k !== 'headers' &&
      (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    )
      values[k] = v;
  }
  const headers = Object.entries((item.config?.headers as Record<string, string> | undefined) ?? {}).map(
    ([name, value]) => ({ id: nextId++, name, value }),
  );
  return { kind, values, headers };
}

/** The JSON the server checks: empty optional settings are left out rather than sent blank. */
function toConfig(d: Draft): Record<string, unknown> {
  const config: Record<string, unknown> = { kind: d.kind };
  for (const [k, v] of Object.entries(d.values)) {
    if (!(k in DEFAULTS[d.kind]) || v === '') continue;
    config[k] = v;
  }
  if (d.kind === 'http' && d.headers.length) {
    config.headers = Object.fromEntries(
      d.headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value]),
    );
  }
  return config;
}

/**
 * The server reports provider problems as "<setting> <what is wrong>"; a problem that starts with
 * a setting's name belongs next to that setting.
 */
function problemsFor(error: unknown, key: string): ReactNode {
  const found = serverFields(error).filter(
    (f) => f.field === `config.${key}` || (f.field === 'config' && f.params?.problem?.startsWith(`${key} `)),
  );
  return found.length ? <ServerText>{found.map((f) => f.message).join(' ')}</ServerText> : undefined;
}

const KEYS = new Set(
  Object.values(DEFAULTS)
    .flatMap((v) => Object.keys(v))
    .concat('headers', 'kind'),
);
const attributable = (field: string, problem?: string) =>
  field.startsWith('config.') || Boolean(problem && KEYS.has(problem.split(' ')[0]!));

export function ProvidersPage() {
  const { t } = useTranslation();
  const providers = useProviders();
  return (
    <AdminPage title={t('admin.providers.title')} description={t('admin.providers.description')}>
      <QueryView query={providers}>
        {(items) => (
          <Stack gap="lg">
            {items.map((item) => (
              <ProviderCard key={item.channel} item={item} />
            ))}
          </Stack>
        )}
      </QueryView>
    </AdminPage>
  );
}

function ProviderCard({ item }: { item: ProviderItem }) {
  const { t } = useTranslation();
  const saved = useMemo(() => toDraft(item), [item]);
  const [draft, setDraft] = useState(saved);
  const [removing, setRemoving] = useState(false);
  const stale = [['admin', 'providers']] as const;
  const save = useAdminChange<Record<string, unknown> | null, { config: ProviderConfig | null }>(
    (config) => ({ method: 'PUT', path: `/api/v1/admin/providers/${item.channel}`, body: { config } }),
    stale,
  );
  // what the server kept, secrets hidden again: the form shows •••••• where the password was typed
  const store = (config: Record<string, unknown> | null, then?: () => void) =>
    save.mutate(config, {
      onSuccess: (result) => {
        setDraft(toDraft({ ...item, config: result.config, configured: result.config !== null }));
        then?.();
      },
    });
  const dirty = JSON.stringify(toConfig(draft)) !== JSON.stringify(toConfig(saved));
  const kinds: Kind[] = item.channel === 'email' ? ['smtp'] : ['smpp', 'http'];
  const setValue = (key: string, value: string | number | boolean) =>
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: value } }));
  const text = (key: string, label: string, props: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={String(draft.values[key] ?? '')}
      onChange={(e) => setValue(key, e.currentTarget.value)}
      error={problemsFor(save.error, key)}
      dir="ltr"
      {...props}
    />
  );
  const number = (key: string, label: string, props: Record<string, unknown> = {}) => (
    <NumberInput
      label={label}
      value={draft.values[key] === '' ? '' : Number(draft.values[key])}
      onChange={(v) => setValue(key, v === '' ? '' : Number(v))}
      allowDecimal={false}
      error={problemsFor(save.error, key)}
      {...props}
    />
  );
  const password = (key: string, label: string) => (
    <PasswordInput
      label={label}
      description={saved.values[key] === SECRET ? t('admin.providers.secretStored') : undefined}
      value={String(draft.values[key] ?? '')}
      onChange={(e) => setValue(key, e.currentTarget.value)}
      autoComplete="new-password"
      visibilityToggleButtonProps={{ 'aria-label': t('admin.common.showSecret') }}
      error={problemsFor(save.error, key)}
      data-secret={key}
    />
  );

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby={`provider-${item.channel}`}
      data-provider={item.channel}
    >
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          store(toConfig(draft));
        }}
      >
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id={`provider-${item.channel}`}>
                {t(`admin.providers.channel.${item.channel}`)}
              </Title>
              <Text size="sm" c="dimmed">
                {item.configured ? t('admin.providers.viaProvider') : t('admin.providers.viaOutbox')}
              </Text>
            </div>
            <Stack gap={2} align="flex-end">
              <Badge
                color={item.configured ? 'teal' : 'gray'}
                variant="light"
                data-configured={item.configured}
              >
                {item.configured ? t('admin.providers.configured') : t('admin.providers.notConfigured')}
              </Badge>
              {item.updatedAt && (
                <Text size="xs" c="dimmed">
                  <DateTime iso={item.updatedAt} format="compact" />
                </Text>
              )}
            </Stack>
          </Group>
          <FormError error={save.error} shown={attributable} />
          {kinds.length > 1 && (
            <SegmentedControl
              aria-label={t('admin.providers.kind')}
              value={draft.kind}
              onChange={(v) =>
                setDraft(() =>
                  v === saved.kind
                    ? saved
                    : { kind: v as Kind, values: { ...DEFAULTS[v as Kind] }, headers: [] },
                )
              }
              data={kinds.map((k) => ({ value: k, label: t(`admin.providers.kinds.${k}`) }))}
              style={{ alignSelf: 'flex-start' }}
            />
          )}
          {draft.kind === 'smtp' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {text('host', t('admin.providers.host'), { required: true })}
                {number('port', t('admin.providers.port'), { required: true, min: 1, max: 65535 })}
                <Switch
                  label={t('admin.providers.secure')}
                  description={t('admin.providers.secureHint')}
                  checked={Boolean(draft.values.secure)}
                  onChange={(e) => setValue('secure', e.currentTarget.checked)}
                  mt="lg"
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {text('user', t('admin.providers.user'), { autoComplete: 'off' })}
                {password('password', t('admin.providers.password'))}
                {text('from', t('admin.providers.from'), {
                  required: true,
                  description: t('admin.providers.fromHint'),
                })}
                {text('replyTo', t('admin.providers.replyTo'))}
              </SimpleGrid>
            </>
          )}
          {draft.kind === 'smpp' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('host', t('admin.providers.host'), { required: true })}
              {number('port', t('admin.providers.port'), { required: true, min: 1, max: 65535 })}
              {text('systemId', t('admin.providers.systemId'), { required: true })}
              {password('password', t('admin.providers.password'))}
              {text('sourceAddr', t('admin.providers.sourceAddr'), {
                required: true,
                description: t('admin.providers.sourceAddrHint'),
              })}
              {text('systemType', t('admin.providers.systemType'))}
              {number('sourceTon', t('admin.providers.sourceTon'), { min: 0, max: 6 })}
              {number('sourceNpi', t('admin.providers.sourceNpi'), { min: 0, max: 18 })}
            </SimpleGrid>
          )}
          {draft.kind === 'http' && (
            <HttpSettings
              draft={draft}
              setDraft={setDraft}
              setValue={setValue}
              text={text}
              number={number}
              error={save.error}
            />
          )}
          <Group justify="space-between">
            <SaveBar dirty={dirty} save={save} onDiscard={() => setDraft(saved)} />
            {item.configured && (
              <Button variant="subtle" color="red" onClick={() => setRemoving(true)}>
                {t('admin.providers.remove')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {removing && (
        <ConfirmDialog
          title={t('admin.providers.removeTitle')}
          message={t('admin.providers.removeMessage')}
          confirmLabel={t('admin.providers.remove')}
          pending={save.isPending}
          error={save.error}
          onClose={() => setRemoving(false)}
          onConfirm={() => store(null, () => setRemoving(false))}
        />
      )}
    </Card>
  );
}

function HttpSettings({
  draft,
  setDraft,
  setValue,
  text,
  number,
  error,
}: {
  draft: Draft;
  setDraft: (f: (d: Draft) => Draft) => void;
  setValue: (key: string, value: string) => void;
  text: (key: string, label: string, props?: Record<string, unknown>) => ReactNode;
  number: (key: string, label: string, props?: Record<string, unknown>) => ReactNode;
  error: unknown;
}) {
  const { t } = useTranslation();
  const setHeaders = (headers: Draft['headers']) => setDraft((d) => ({ ...d, headers }));
  return (
    <Stack gap="sm">
      {text('url', t('admin.providers.url'), {
        required: true,
        description: t('admin.providers.placeholdersHint'),
      })}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('admin.providers.method')}
          data={['POST', 'GET']}
          renderOption={renderDataOption}
          value={String(draft.values.method)}
          onChange={(v) => v && setValue('method', v)}
          allowDeselect={false}
          error={problemsFor(error, 'method')}
        />
        {text('contentType', t('admin.providers.contentType'), { required: true })}
        {number('successStatus', t('admin.providers.successStatus'), { min: 200, max: 299 })}
      </SimpleGrid>
      <Textarea
        label={t('admin.providers.bodyTemplate')}
        description={t('admin.providers.placeholdersHint')}
        value={String(draft.values.bodyTemplate ?? '')}
        onChange={(e) => setValue('bodyTemplate', e.currentTarget.value)}
        autosize
        minRows={3}
        dir="ltr"
        error={problemsFor(error, 'bodyTemplate')}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace), monospace' } }}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('admin.providers.headers')}
        </Text>
        {draft.headers.map((h, n) => (
          <Group key={h.id} gap="xs" wrap="nowrap">
            <TextInput
              aria-label={t('admin.providers.headerName', { n: n + 1 })}
              value={h.name}
              onChange={(e) =>
                setHeaders(
                  draft.headers.map((x) => (x.id === h.id ? { ...x, name: e.currentTarget.value } : x)),
                )
              }
              dir="ltr"
              w={220}
            />
            <PasswordInput
              aria-label={t('admin.providers.headerValue', { n: n + 1 })}
              value={h.value}
              onChange={(e) =>
                setHeaders(
                  draft.headers.map((x) => (x.id === h.id ? { ...x, value: e.currentTarget.value } : x)),
                )
              }
              visibilityToggleButtonProps={{ 'aria-label': t('admin.common.showSecret') }}
              style={{ flex: 1 }}
            />
            <RemoveButton
              label={t('admin.providers.removeHeader', { n: n + 1 })}
              onClick={() => setHeaders(draft.headers.filter((x) => x.id !== h.id))}
            />
          </Group>
        ))}
        {problemsFor(error, 'headers') && (
          <Alert color="red" variant="light">
            {problemsFor(error, 'headers')}
          </Alert>
        )}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => setHeaders([...draft.headers, { id: nextId++, name: '', value: '' }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('admin.providers.addHeader')}
        </Button>
      </Stack>
    </Stack>
  );
}
