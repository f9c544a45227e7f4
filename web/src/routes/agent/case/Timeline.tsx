// The case timeline as the server records it: every event with who and when; notes, messages to
// and from the customer, attachments, and what the customer was sent (SMS, e-mail) inline. Newest
// first, where the agent looks.
import { Anchor, Badge, Group, Timeline as MantineTimeline, Paper, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, TimelineEvent } from '../../../api/types.ts';
import type { CaseNotification } from '../../../features/cases/types.ts';
import { useStaff } from '../../../features/org/org.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { can } from '../../../features/session/session.ts';
import { pickText, useFormatters } from '../../../i18n/format.ts';
import { intlLocale } from '../../../i18n/languages.ts';
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
import { IconCalendar, IconGift, IconSend, IconShield } from '../icons.tsx';
import { formatMoney } from './OfferForms.tsx';

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
  identity_verified: IconShield,
  sla_extended: IconCalendar,
  offer_made: IconGift,
  offer_answered: IconGift,
  reply_sent: IconSend,
  message_received: IconMessage,
};

const NOTICE_COLOR: Record<string, string> = { pending: 'gray', sent: 'teal', failed: 'red' };

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
      {event.type === 'identity_verified' && Array.isArray(d.questions) && (
        <Text size="sm">
          {t('agent2.timeline.questions', {
            list: new Intl.ListFormat(intlLocale(i18n.language), { type: 'conjunction' }).format(
              d.questions.map((q) => t(`agent2.identity.question.${String(q)}`)),
            ),
          })}
        </Text>
      )}
      {event.type === 'sla_extended' && str(d.toDueAt) && (
        <Text size="sm">
          {t('agent2.timeline.newDate')} <DateTime iso={str(d.toDueAt)} />
        </Text>
      )}
      {event.type === 'offer_made' && str(d.description) && (
        <Paper p="sm" radius="sm" bg="grape.0" withBorder>
          <Text size="xs" fw={600} c="dimmed">
            {t(`agent2.offer.${str(d.kind) === 'compensation' ? 'compensation' : 'alternative'}`)}
          </Text>
          <UserText size="sm" component="p" className="pre-wrap" m={0}>
            {str(d.description)}
          </UserText>
          {typeof d.amount === 'number' && str(d.currency) && (
            <Text size="sm" fw={600}>
              <Data>{formatMoney(d.amount, str(d.currency), i18n.language)}</Data>
            </Text>
          )}
        </Paper>
      )}
      {event.type === 'offer_answered' && (str(d.answer) === 'accepted' || str(d.answer) === 'declined') && (
        <Text size="sm" fw={600}>
          {t(`agent2.offer.answer.${str(d.answer)}`)}
        </Text>
      )}
      {event.type === 'offer_answered' && str(d.note) && (
        <UserText size="sm" component="p" className="pre-wrap" m={0}>
          {str(d.note)}
        </UserText>
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

/** What the customer was sent: the message as it left, in their language, and whether it went. */
function NoticeBody({ n }: { n: CaseNotification }) {
  return (
    <Stack gap={6} mt={4}>
      {(n.subject || n.body) && (
        <Paper p="sm" radius="sm" bg="blue.0" withBorder>
          {n.subject && (
            <UserText size="sm" fw={600} component="p" m={0}>
              {n.subject}
            </UserText>
          )}
          {n.body && (
            <UserText size="sm" component="p" className="pre-wrap" m={0}>
              {n.body}
            </UserText>
          )}
        </Paper>
      )}
    </Stack>
  );
}

type Entry =
  | { kind: 'event'; at: string; event: TimelineEvent }
  | { kind: 'notice'; at: string; notice: CaseNotification };

/** Events and messages sent, newest first; a message sent at the same instant as the event that caused it sits above it. */
function entries(events: TimelineEvent[], notices: CaseNotification[]): Entry[] {
  const all: Entry[] = [
    ...events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
    ...notices.map((notice) => ({ kind: 'notice' as const, at: notice.createdAt, notice })),
  ];
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const byTime = Date.parse(b.e.at) - Date.parse(a.e.at);
      if (byTime) return byTime;
      if (a.e.kind !== b.e.kind) return a.e.kind === 'notice' ? -1 : 1;
      return b.i - a.i;
    })
    .map(({ e }) => e);
}

export function CaseTimeline({
  c,
  events,
  notices = [],
  error,
  onRetry,
}: {
  c: CaseView;
  events: TimelineEvent[] | undefined;
  notices?: CaseNotification[];
  error: unknown;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation();
  const label = (type: string) =>
    i18n.exists(`event.${type}`)
      ? t(`event.${type}`)
      : i18n.exists(`agent2.event.${type}`)
        ? t(`agent2.event.${type}`)
        : t('event.other');
  const list = events ? entries(events, notices) : [];
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} size="h4" id="timeline-heading" mb="sm">
        {t('timeline.title')}
      </Title>
      {!events && error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !events ? (
        <LoadingState />
      ) : list.length === 0 ? (
        <EmptyView title={t('timeline.empty')} />
      ) : (
        <MantineTimeline bulletSize={26} lineWidth={2} active={list.length}>
          {list.map((entry) => {
            if (entry.kind === 'notice') {
              const n = entry.notice;
              return (
                <MantineTimeline.Item
                  key={`n-${n.id}`}
                  bullet={<IconSend size={14} />}
                  data-event-type="notification"
                  data-notification-event={n.event}
                  title={
                    <Group gap="xs" justify="space-between" wrap="wrap">
                      <Text fw={600} size="sm">
                        {t(n.channel === 'email' ? 'agent2.notice.email' : 'agent2.notice.sms')}
                      </Text>
                      <Group gap={6}>
                        <Badge size="sm" variant="light" color={NOTICE_COLOR[n.status] ?? 'gray'}>
                          {t(`agent2.notice.status.${n.status}`, { defaultValue: n.status })}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          <DateTime iso={n.sentAt ?? n.createdAt} />
                        </Text>
                      </Group>
                    </Group>
                  }
                >
                  <NoticeBody n={n} />
                </MantineTimeline.Item>
              );
            }
            const event = entry.event;
            const Icon = ICON[event.type] ?? IconCircle;
            return (
              <MantineTimeline.Item
                key={event.seq}
                bullet={<Icon size={14} />}
                data-event-type={event.type}
                title={
                  <Group gap="xs" justify="space-between" wrap="wrap">
                    <Text fw={600} size="sm">
                      {label(event.type)}
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
