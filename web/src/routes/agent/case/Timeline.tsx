// The case timeline as the server records it: every event with who and when; notes, messages to
// and from the customer, and attachments inline. Newest first, where the agent looks.
import { Anchor, Group, Timeline as MantineTimeline, Paper, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, TimelineEvent } from '../../../api/types.ts';
import { useStaff } from '../../../features/org/org.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { can } from '../../../features/session/session.ts';
import { pickText, useFormatters } from '../../../i18n/format.ts';
import { StatusBadge } from '../../../ui/Badges.tsx';
import { DateTime } from '../../../ui/DateTime.tsx';
import {
  IconArrowForward,
  IconCheck,
  IconCircle,
  IconLock,
  IconMessage,
  IconNote,
  IconPaperclip,
  IconTransfer,
  IconUserCheck,
  IconX,
} from '../../../ui/icons.tsx';
import { EmptyView, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { Data, UserText } from '../../../ui/UserText.tsx';

const ICON: Record<string, ComponentType<{ size?: number }>> = {
  note_added: IconNote,
  transferred: IconTransfer,
  responded: IconMessage,
  information_requested: IconMessage,
  customer_replied: IconMessage,
  attachment_added: IconPaperclip,
  owner_changed: IconUserCheck,
  closed: IconLock,
  rejected: IconX,
  acknowledged: IconCheck,
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function EventBody({ event, caseId }: { event: TimelineEvent; caseId: string }) {
  const { t, i18n } = useTranslation();
  const { me, org } = useSession();
  const staff = useStaff(can(me, 'cases:read:org'));
  const f = useFormatters(org.timezone);
  const d = event.data ?? {};
  const department = (id: unknown) => org.departments.find((x) => x.id === id);
  const person = (id: unknown) => staff.data?.find((u) => u.id === id)?.display_name;
  const text = str(d.body) || str(d.message);
  const steps = Array.isArray(d.steps) ? d.steps.filter((s): s is string => typeof s === 'string') : [];

  return (
    <Stack gap={6} mt={4}>
      {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
        <Group gap={6} aria-label={t('timeline.statusChange')}>
          <StatusBadge status={event.fromStatus} />
          <IconArrowForward size={14} />
          <StatusBadge status={event.toStatus} />
        </Group>
      )}
      {event.type === 'transferred' && department(d.toDepartmentId) && (
        <Text size="sm">
          {t('timeline.transferredTo', {
            department: pickText(department(d.toDepartmentId)?.name, i18n.language),
          })}
        </Text>
      )}
      {(event.type === 'owner_changed' || event.type === 'transferred') && person(d.toOwnerId) && (
        <Text size="sm">{t('timeline.newOwner', { name: person(d.toOwnerId) })}</Text>
      )}
      {event.type === 'rejected' && str(d.rejection) && (
        <Text size="sm">{t(`rejection.${str(d.rejection)}`)}</Text>
      )}
      {event.reason && (
        <Text size="sm" component="div">
          <Text span fw={600} size="sm">
            {t('timeline.reason')}
          </Text>{' '}
          <UserText size="sm" className="pre-wrap">
            {event.reason}
          </UserText>
        </Text>
      )}
      {text && (
        <Paper p="sm" radius="sm" bg={event.type === 'note_added' ? 'yellow.0' : 'gray.0'} withBorder>
          <UserText size="sm" component="p" className="pre-wrap" m={0}>
            {text}
          </UserText>
        </Paper>
      )}
      {steps.length > 0 && (
        <div>
          <Text size="xs" fw={600} c="dimmed">
            {t('timeline.steps')}
          </Text>
          <ol style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
            {steps.map((s) => (
              <li key={s}>
                <UserText size="sm">{s}</UserText>
              </li>
            ))}
          </ol>
        </div>
      )}
      {event.type === 'responded' && str(d.mode) === 'verbal' && (
        <Text size="sm" c="dimmed">
          {t('timeline.verbal')}
        </Text>
      )}
      {event.type === 'attachment_added' && str(d.attachmentId) && (
        <Group gap={6}>
          <IconPaperclip size={14} />
          <Anchor href={`/api/v1/cases/${caseId}/attachments/${str(d.attachmentId)}`} size="sm" download>
            <Data>{str(d.filename)}</Data>
          </Anchor>
          {typeof d.size === 'number' && (
            <Text size="xs" c="dimmed">
              {t('timeline.size', { size: f.number(Math.max(1, Math.round(d.size / 1024))) })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

function who(event: TimelineEvent, t: (k: string) => string) {
  if (event.actor.name) return <Data>{event.actor.name}</Data>;
  return t(`timeline.actor.${event.actor.kind}`);
}

export function CaseTimeline({
  c,
  events,
  error,
  onRetry,
}: {
  c: CaseView;
  events: TimelineEvent[] | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} size="h4" id="timeline-heading" mb="sm">
        {t('timeline.title')}
      </Title>
      {!events && error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !events ? (
        <LoadingState />
      ) : events.length === 0 ? (
        <EmptyView title={t('timeline.empty')} />
      ) : (
        <MantineTimeline bulletSize={26} lineWidth={2} active={events.length}>
          {[...events].reverse().map((event) => {
            const Icon = ICON[event.type] ?? IconCircle;
            return (
              <MantineTimeline.Item
                key={event.seq}
                bullet={<Icon size={14} />}
                data-event-type={event.type}
                title={
                  <Group gap="xs" justify="space-between" wrap="wrap">
                    <Text fw={600} size="sm">
                      {t(`event.${event.type}`, { defaultValue: t('event.other') })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {who(event, t)} · <DateTime iso={event.at} />
                    </Text>
                  </Group>
                }
              >
                <EventBody event={event} caseId={c.id} />
              </MantineTimeline.Item>
            );
          })}
        </MantineTimeline>
      )}
    </section>
  );
}
