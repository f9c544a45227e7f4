import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { CaseView } from '../../api/types.ts';
import { useCaseNotifications } from '../../features/cases/case-work.ts';
import { useCase, useTimeline } from '../../features/cases/cases.ts';
import { useLiveUpdates } from '../../features/cases/live.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can } from '../../features/session/session.ts';
import { pickText } from '../../i18n/format.ts';
import { PriorityBadge, StatusBadge } from '../../ui/Badges.tsx';
import { IconArrowBack } from '../../ui/icons.tsx';
import { EmptyView, ErrorState, LoadingState } from '../../ui/States.tsx';
import { Data, UserText } from '../../ui/UserText.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { READABLE_ERRORS } from './case/ActionModal.tsx';
import { CaseActions } from './case/CaseActions.tsx';
import { CaseDetails } from './case/CaseDetails.tsx';
import { CustomerPanel } from './case/CustomerPanel.tsx';
import { NoteForm } from './case/NoteForm.tsx';
import { OffersPanel } from './case/OfferForms.tsx';
import { SlaBadges } from './case/SlaBadges.tsx';
import { CaseTimeline } from './case/Timeline.tsx';
import { LiveStatus } from './LiveStatus.tsx';

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const kase = useCase(id);
  // the case in view, pushed by the server as others (or the customer) act on it
  useLiveUpdates(id ? [id] : []);
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/queues/mine';
  useDocumentTitle(kase.data?.number);

  return (
    <Stack gap="md" style={READABLE_ERRORS}>
      <Group justify="space-between">
        <Anchor component={Link} to={from} size="sm">
          <Group gap={4} component="span">
            <IconArrowBack size={16} />
            {t('case.back')}
          </Group>
        </Anchor>
        <LiveStatus />
      </Group>
      {kase.isPending ? (
        <LoadingState />
      ) : kase.isError && !kase.data ? (
        kase.error instanceof ApiError && kase.error.status === 404 ? (
          <EmptyView title={t('case.notFoundTitle')} description={t('case.notFoundDescription')} />
        ) : (
          <ErrorState error={kase.error} onRetry={() => kase.refetch()} />
        )
      ) : (
        <CaseContent c={kase.data} />
      )}
    </Stack>
  );
}

function CaseContent({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const { me, org } = useSession();
  const timeline = useTimeline(c.id);
  const notices = useCaseNotifications(c.id);
  const typeName =
    pickText(org.settings.caseTypes?.[c.type]?.name, i18n.language) ||
    t(`type.${c.type}`, { defaultValue: c.type });
  return (
    <Stack gap="md">
      <header>
        <Group gap="xs" mb={4}>
          <Text ff="monospace" fw={600} c="dimmed">
            <Data>{c.number}</Data>
          </Text>
          <StatusBadge status={c.status} />
          <PriorityBadge priority={c.priority} />
          <Badge variant="light" color="gray">
            <Data>{typeName}</Data>
          </Badge>
        </Group>
        <Title order={1} size="h2">
          <UserText inherit>{c.subject || t('case.noSubject')}</UserText>
        </Title>
        <SlaBadges sla={c.sla} />
      </header>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-labelledby="description-heading">
              <Title order={2} size="h4" id="description-heading" mb="xs">
                {t('case.description')}
              </Title>
              <UserText component="p" className="pre-wrap" m={0}>
                {c.description}
              </UserText>
              {c.remedySought && (
                <>
                  <Title order={3} size="h5" mt="md" mb={4}>
                    {t('case.remedySought')}
                  </Title>
                  <UserText component="p" className="pre-wrap" m={0}>
                    {c.remedySought}
                  </UserText>
                </>
              )}
            </Paper>
            <CaseActions c={c} />
            <OffersPanel c={c} />
            {can(me, 'cases:work') && <NoteForm caseId={c.id} />}
            <CaseTimeline
              c={c}
              events={timeline.data}
              notices={notices.data}
              error={timeline.error}
              onRetry={() => timeline.refetch()}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <CustomerPanel c={c} />
            <CaseDetails c={c} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
