// Message templates: the text customers receive at each step, per channel and language (ICU
// MessageFormat), with a live preview rendered by the server and, for SMS, what it will cost.
import {
  Badge,
  Button,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../api/types.ts';
import {
  enc,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type Template,
  useAdminChange,
  useTemplates,
} from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { ConfirmDialog } from '../shared/dialogs.tsx';
import { AUTO_DIR, useLanguageOrder } from '../shared/localized.tsx';
import { FormError, fieldError } from '../shared/server-errors.tsx';
import { TemplatePreviewPanel } from './TemplatePreviewPanel.tsx';

type Source = { subject?: string; body: string };
const idOf = (event: string, channel: string, locale: string) => `${event}/${channel}/${locale}`;

export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const { own, others } = useLanguageOrder();
  const [event, setEvent] = useState<string>('registered');
  const [channel, setChannel] = useState<NotificationChannel>('sms');
  const [locale, setLocale] = useState<Locale>(own[0]!);
  // edits survive switching to another template and back, until saved or discarded
  const [drafts, setDrafts] = useState<Record<string, Source>>({});
  const id = idOf(event, channel, locale);
  const template = templates.data?.find((x) => idOf(x.event, x.channel, x.locale) === id);
  const edited = (e: string, c: string, l: string) => Boolean(drafts[idOf(e, c, l)]);

  return (
    <AdminPage title={t('admin.templates.title')} description={t('admin.templates.description')}>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t('admin.templates.event')}
          data={NOTIFICATION_EVENTS.map((e) => ({ value: e, label: t(`admin.templates.events.${e}`) }))}
          value={event}
          onChange={(v) => v && setEvent(v)}
          allowDeselect={false}
          w={300}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="template-channel">
            {t('admin.templates.channel')}
          </Text>
          <SegmentedControl
            aria-labelledby="template-channel"
            value={channel}
            onChange={(v) => setChannel(v as NotificationChannel)}
            data={[
              { value: 'sms', label: t('admin.templates.sms') },
              { value: 'email', label: t('admin.templates.email') },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="template-language">
            {t('admin.templates.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="template-language"
            value={locale}
            onChange={(v) => setLocale(v as Locale)}
            data={[...own, ...others].map((l) => ({
              value: l,
              label: (
                <>
                  {t(`languageName.${l}`)}
                  {edited(event, channel, l) && <span aria-hidden="true"> •</span>}
                </>
              ),
            }))}
          />
        </Stack>
      </Group>
      <QueryView query={templates}>
        {() =>
          template ? (
            <TemplateEditor
              key={id}
              template={template}
              draft={drafts[id]}
              onDraft={(d) =>
                setDrafts((all) => {
                  const { [id]: _drop, ...rest } = all;
                  return d ? { ...rest, [id]: d } : rest;
                })
              }
            />
          ) : null
        }
      </QueryView>
    </AdminPage>
  );
}

function TemplateEditor({
  template,
  draft,
  onDraft,
}: {
  template: Template;
  draft: Source | undefined;
  onDraft: (d: Source | null) => void;
}) {
  const { t } = useTranslation();
  const [resetting, setResetting] = useState(false);
  const isEmail = template.channel === 'email';
  const current: Source = draft ?? { subject: template.subject, body: template.body };
  const dirty = Boolean(draft);
  const path = `/api/v1/admin/templates/${enc(template.event)}/${template.channel}/${template.locale}`;
  const stale = [['admin', 'templates']] as const;
  const save = useAdminChange(
    (s: Source) => ({
      method: 'PUT',
      path,
      body: isEmail ? { subject: s.subject ?? '', body: s.body } : { body: s.body },
    }),
    stale,
  );
  const reset = useAdminChange(() => ({ method: 'DELETE', path }), stale);
  const [debounced] = useDebouncedValue(current, 350);
  const edit = (patch: Partial<Source>) => {
    save.reset();
    onDraft({ ...current, ...patch });
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate(current, { onSuccess: () => onDraft(null) });
          }}
        >
          <Stack gap="sm">
            <Group gap="xs">
              <Badge variant="light" color={template.custom ? 'teal' : 'gray'}>
                {template.custom ? t('admin.templates.custom') : t('admin.templates.default')}
              </Badge>
              {dirty && (
                <Badge variant="outline" color="orange">
                  {t('admin.common.unsaved')}
                </Badge>
              )}
            </Group>
            <FormError error={save.error} shown={(f) => f === 'subject' || f === 'body'} />
            {isEmail && (
              <TextInput
                label={t('admin.templates.subject')}
                value={current.subject ?? ''}
                onChange={(e) => edit({ subject: e.currentTarget.value })}
                lang={template.locale}
                styles={AUTO_DIR}
                required
                error={fieldError(save.error, 'subject')}
              />
            )}
            <Textarea
              label={t('admin.templates.body')}
              description={t('admin.templates.bodyHint')}
              value={current.body}
              onChange={(e) => edit({ body: e.currentTarget.value })}
              lang={template.locale}
              translate="no"
              autosize
              minRows={isEmail ? 10 : 4}
              maxRows={24}
              required
              error={fieldError(save.error, 'body')}
              styles={{
                input: {
                  ...AUTO_DIR.input,
                  fontFamily: 'var(--mantine-font-family-monospace), monospace',
                  fontSize: 13,
                },
              }}
            />
            <Group gap="sm">
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {t('admin.common.save')}
              </Button>
              <Button variant="default" disabled={!dirty || save.isPending} onClick={() => onDraft(null)}>
                {t('admin.common.discard')}
              </Button>
              {template.custom && !dirty && (
                <Button variant="subtle" color="red" onClick={() => setResetting(true)}>
                  {t('admin.templates.reset')}
                </Button>
              )}
              <Text size="sm" c="teal.9" role="status">
                {save.isSuccess && !dirty ? t('admin.common.saved') : null}
              </Text>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TemplatePreviewPanel
          draft={{
            event: template.event,
            channel: template.channel,
            locale: template.locale,
            ...(isEmail ? { subject: debounced.subject ?? '' } : {}),
            body: debounced.body,
          }}
        />
      </Grid.Col>
      {resetting && (
        <ConfirmDialog
          title={t('admin.templates.resetTitle')}
          message={t('admin.templates.resetMessage')}
          confirmLabel={t('admin.templates.reset')}
          pending={reset.isPending}
          error={reset.error}
          onClose={() => setResetting(false)}
          onConfirm={() => reset.mutate(undefined, { onSuccess: () => setResetting(false) })}
        />
      )}
    </Grid>
  );
}
