import { Anchor, Group, Paper, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../api/types.ts';
import { pickText } from '../../../i18n/format.ts';
import { DateTime } from '../../../ui/DateTime.tsx';
import { Data, UserText } from '../../../ui/UserText.tsx';
import { IconFile } from '../icons.tsx';
import { Field } from './CustomerPanel.tsx';

export function CaseDetails({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const text = (v: Parameters<typeof pickText>[0]) => <Data>{pickText(v, i18n.language)}</Data>;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="details-heading">
      <Title order={2} size="h4" id="details-heading" mb="sm">
        {t('case.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 1 }} spacing="sm">
        <Field label={t('case.department')}>{text(c.department.name)}</Field>
        <Field label={t('case.owner')}>
          <Data>{c.owner.displayName}</Data>
        </Field>
        <Field label={t('case.category')}>{c.category ? text(c.category.name) : t('case.none')}</Field>
        <Field label={t('case.service')}>{c.service ? text(c.service.name) : t('case.none')}</Field>
        <Field label={t('case.channel')}>{t(`channel.${c.channel}`, { defaultValue: c.channel })}</Field>
        {c.servedBy && (
          <Field label={t('case.servedBy')}>
            <UserText>{c.servedBy}</UserText>
          </Field>
        )}
        {c.sla?.expectedResolutionAt && (
          <Field label={t('case.expectedResolution')}>
            <DateTime iso={c.sla.expectedResolutionAt} />
          </Field>
        )}
        <Field label={t('case.created')}>
          <DateTime iso={c.createdAt} />
        </Field>
        {c.acknowledgedAt && (
          <Field label={t('case.acknowledged')}>
            <DateTime iso={c.acknowledgedAt} />
          </Field>
        )}
        {c.responseCommunicatedAt && (
          <Field label={t('case.responded')}>
            <DateTime iso={c.responseCommunicatedAt} />
          </Field>
        )}
        {c.closedAt && (
          <Field label={t('case.closed')}>
            <DateTime iso={c.closedAt} />
          </Field>
        )}
        {c.firstContactResolution && <Field label={t('case.fcr')}>{t('case.yes')}</Field>}
      </SimpleGrid>
      {c.responseCommunicatedAt && (
        // R-FLOW-5: the final written answer, generated from the timeline in the customer's language
        <Anchor
          href={`/api/v1/cases/${encodeURIComponent(c.id)}/letter.pdf`}
          target="_blank"
          rel="noopener"
          size="sm"
          mt="sm"
          display="inline-block"
          data-letter-link
        >
          <Group gap={4} component="span">
            <IconFile size={16} />
            {t('agent2.letter')}
          </Group>
        </Anchor>
      )}
    </Paper>
  );
}
