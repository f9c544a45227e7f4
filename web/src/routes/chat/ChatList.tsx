// The chats column: waiting chats first, the longest wait on top, with the visitor's language and
// how long they have waited; then the chats agents are in. Each row opens its conversation.
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../features/session/SessionContext.tsx';
import { useFormatters } from '../../i18n/format.ts';
import { IconClock } from '../../ui/icons.tsx';
import { Data, UserText } from '../../ui/UserText.tsx';
import { ChatStateBadge, LanguageBadge } from './ChatBadges.tsx';
import { type ChatSummary, systemEvent } from './chat-api.ts';

/** Re-renders every `ms` so waiting times move on their own. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Waiting chats by how long they have waited, then unanswered ones, then the rest by activity. */
export function sortChats(items: ChatSummary[]): ChatSummary[] {
  const rank = (c: ChatSummary) => (c.state === 'waiting' ? 0 : c.waitingSince ? 1 : 2);
  const since = (c: ChatSummary) => Date.parse(c.waitingSince ?? c.lastMessage?.at ?? c.startedAt);
  return [...items].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r) return r;
    return rank(a) < 2 ? since(a) - since(b) : since(b) - since(a);
  });
}

export function visitorName(c: Pick<ChatSummary, 'visitor'>, t: (k: string) => string): string {
  return c.visitor.name || t('chat.list.visitor');
}

export function ChatList({ items, selected }: { items: ChatSummary[]; selected: string | undefined }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const now = useNow(15_000);
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {sortChats(items).map((c) => {
        const current = c.id === selected;
        const preview = c.lastMessage
          ? c.lastMessage.author === 'system'
            ? null
            : c.lastMessage.body
          : t('chat.list.noMessages');
        return (
          <li key={c.id}>
            <UnstyledButton
              component={Link}
              to={`/chats/${c.id}`}
              aria-current={current ? 'page' : undefined}
              data-chat-id={c.id}
              data-chat-state={c.state}
              style={{ display: 'block', width: '100%' }}
            >
              <Paper
                withBorder
                p="sm"
                radius="md"
                bg={current ? 'teal.0' : undefined}
                style={{ borderColor: current ? 'var(--mantine-color-teal-6)' : undefined }}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={600} size="sm" className="truncate">
                    <Data>{visitorName(c, t)}</Data>
                  </Text>
                  <ChatStateBadge state={c.state} />
                </Group>
                <Group gap={6} mt={4} wrap="wrap">
                  <LanguageBadge locale={c.locale} />
                  {c.waitingSince && (
                    <Badge
                      variant="light"
                      color={c.state === 'waiting' ? 'orange' : 'yellow'}
                      leftSection={<IconClock size={12} />}
                      data-waiting
                    >
                      {t('chat.list.waiting', {
                        time: f.duration(Math.max(0, now - Date.parse(c.waitingSince))),
                      })}
                    </Badge>
                  )}
                  {c.case && (
                    <Badge variant="outline" color="gray">
                      {t('chat.list.case', { number: c.case.number })}
                    </Badge>
                  )}
                </Group>
                {preview && (
                  <UserText size="sm" c="dimmed" lineClamp={1} component="p" mt={4} mb={0}>
                    {preview}
                  </UserText>
                )}
                {c.agent && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('chat.list.with', { name: isolate(c.agent.name) })}
                  </Text>
                )}
              </Paper>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}

/** A name inside a sentence keeps its own direction (an Arabic name in an English line). */
export const isolate = (name: string) => `\u2068${name}\u2069`;

/** How a system line reads in the console. */
export function systemLine(body: string, authorName: string | null, t: TFunction) {
  const e = systemEvent(body);
  if (!e) return null;
  // the name keeps its own direction inside the sentence (an Arabic name in an English line)
  const name = isolate(authorName ?? '');
  if (e.event === 'joined') return t('chat.system.joined', { name });
  if (e.event === 'closed')
    return e.by === 'visitor' ? t('chat.system.closedVisitor') : t('chat.system.closedAgent', { name });
  return t('chat.system.case', { number: e.number });
}
