// What the customer would read, rendered by the server with sample values, and for an SMS its
// encoding and the number of parts the SMS centre will bill (GSM-7: 160/153, UCS-2: 70/67).
import { Alert, Badge, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert } from '../../../ui/icons.tsx';
import { ErrorText, ServerText } from '../../../ui/States.tsx';
import { type TemplateDraft, type TemplatePreview, useTemplatePreview } from '../api.ts';
import { LocalText } from '../shared/localized.tsx';

export function TemplatePreviewPanel({ draft }: { draft: TemplateDraft }) {
  const { t } = useTranslation();
  const preview = useTemplatePreview(draft);
  const p = preview.data;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="preview-heading" data-preview>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5" id="preview-heading">
            {t('admin.templates.preview')}
          </Title>
          {preview.isFetching && <Loader size="xs" aria-label={t('admin.templates.previewUpdating')} />}
        </Group>
        <Text size="xs" c="dimmed">
          {t('admin.templates.previewHint')}
        </Text>
        {preview.isError && !p ? (
          <Alert color="red" variant="light" icon={<IconAlert />}>
            <ErrorText error={preview.error} />
          </Alert>
        ) : !p ? (
          <Loader size="sm" />
        ) : (
          <>
            {p.problems.length > 0 && (
              <Alert
                color="orange"
                variant="light"
                icon={<IconAlert />}
                title={t('admin.templates.problems')}
                data-problems
              >
                <List size="sm" spacing={2}>
                  {p.problems.map((problem) => (
                    <List.Item key={problem}>
                      <ServerText>{problem}</ServerText>
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {p.subject !== undefined && (
              <div>
                <Text size="xs" c="dimmed">
                  {t('admin.templates.subject')}
                </Text>
                <LocalText fw={600} lang={draft.locale} data-preview-subject>
                  {p.subject}
                </LocalText>
              </div>
            )}
            {p.body ? (
              <LocalText component="div" className="pre-wrap" size="sm" lang={draft.locale} data-preview-body>
                {p.body}
              </LocalText>
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.templates.nothingToShow')}
              </Text>
            )}
            {p.sms && <SmsFacts sms={p.sms} locale={draft.locale} />}
          </>
        )}
      </Stack>
    </Card>
  );
}

function SmsFacts({ sms, locale }: { sms: NonNullable<TemplatePreview['sms']>; locale: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-sms-facts>
      <Group gap="xs">
        <Badge
          variant="light"
          color={sms.encoding === 'UCS-2' ? 'orange' : 'teal'}
          data-encoding={sms.encoding}
          translate="no"
        >
          {sms.encoding}
        </Badge>
        <Text size="sm" fw={600} data-segments={sms.segments}>
          {t('admin.templates.segments', { count: sms.segments })}
        </Text>
        <Text size="sm" c="dimmed">
          {t(sms.encoding === 'UCS-2' ? 'admin.templates.unitsUcs' : 'admin.templates.unitsGsm', {
            count: sms.units,
          })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {sms.encoding === 'UCS-2' ? t('admin.templates.ucs2Hint') : t('admin.templates.gsmHint')}{' '}
        {t('admin.templates.remaining', { count: sms.remainingInSegment, per: sms.perSegment })}
      </Text>
      {sms.parts.length > 1 && (
        <List size="xs" type="ordered" spacing={4} aria-label={t('admin.templates.parts')}>
          {sms.parts.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and may repeat
            <List.Item key={i}>
              <LocalText size="xs" lang={locale} className="pre-wrap">
                {part}
              </LocalText>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
