// One chat: who the visitor is and the language they write in, the conversation, the reply box,
// and what the agent can do with it: take it, turn it into a case, attach it to one, end it.
import { Button, Group, Paper, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can } from '../../features/session/session.ts';
import { useFormatters } from '../../i18n/format.ts';
import { IconArrowForward, IconLock, IconMessage, IconUserCheck } from '../../ui/icons.tsx';
import { EmptyView, ErrorState, LoadingState } from '../../ui/States.tsx';
import { Data, UserText } from '../../ui/UserText.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { OWN_DIRECTION } from '../agent/case/bidi.ts';
import { FormError, fieldError } from '../agent/case/FormError.tsx';
import { AttachCaseModal, CreateCaseModal } from './CaseFromChat.tsx';
import { ChatStateBadge, LanguageBadge } from './ChatBadges.tsx';
import { isolate, systemLine, visitorName } from './ChatList.tsx';
import { type ChatDetail, type ChatMessage, useChat, useChatAction } from './chat-api.ts';
import { IconFilePlus, IconLink } from './icons.tsx';

export function Conversation({ id, live }: { id: string; live: boolean }) {
  const { t } = useTranslation();
  const chat = useChat(id, live);
  if (chat.isPending) return <LoadingState />;
  if (chat.isError && !chat.data) {
    return chat.error instanceof ApiError && chat.error.status === 404 ? (
      <EmptyView title={t('chat.conversation.notFound')} />
    ) : (
      <ErrorState error={chat.error} onRetry={() => chat.refetch()} />
    );
  }
  return <ConversationView chat={chat.data} />;
}

function ConversationView({ chat }: { chat: ChatDetail }) {
  const { t } = useTranslation();
  const { me, org } = useSession();
  const f = useFormatters(org.timezone);
  const mayWork = can(me, 'cases:work');
  const take = useChatAction<undefined>(chat.id, 'take');
  const close = useChatAction<undefined>(chat.id, 'close');
  const [dialog, setDialog] = useState<'case' | 'attach' | null>(null);
  const name = visitorName(chat, t);
  useDocumentTitle(name);
  const mine = chat.agent?.id === me.user.id;
  const error = take.error ?? close.error;

  return (
    <Paper withBorder radius="md" p={0} component="section" aria-labelledby="chat-heading">
      <Stack gap={0}>
        <Group
          justify="space-between"
          align="flex-start"
          p="md"
          gap="sm"
          style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Stack gap={4} miw={0}>
            <Group gap="xs">
              <Title order={2} size="h4" id="chat-heading">
                <Data>{name}</Data>
              </Title>
              <ChatStateBadge state={chat.state} />
              <LanguageBadge locale={chat.locale} />
            </Group>
            <Text size="sm" c="dimmed">
              {t('chat.conversation.contact')}:{' '}
              {chat.visitor.contact ? <Data>{chat.visitor.contact}</Data> : t('chat.conversation.noContact')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('chat.conversation.started', { time: f.dateTime(chat.startedAt) })}
            </Text>
            {chat.agent && !mine && chat.status === 'open' && (
              <Text size="sm">{t('chat.conversation.takenBy', { name: isolate(chat.agent.name) })}</Text>
            )}
          </Stack>
          {mayWork && (
            <Group gap="xs" justify="flex-end">
              {chat.status === 'open' && !mine && (
                <Button
                  size="sm"
                  leftSection={<IconUserCheck size={16} />}
                  loading={take.isPending}
                  onClick={() => take.mutate(undefined)}
                >
                  {t('chat.conversation.take')}
                </Button>
              )}
              {chat.case ? (
                <Button
                  size="sm"
                  variant="light"
                  component={Link}
                  to={`/cases/${chat.case.id}`}
                  rightSection={<IconArrowForward size={16} />}
                >
                  {t('chat.conversation.openCase', { number: chat.case.number })}
                </Button>
              ) : (
                <>
                  {can(me, 'cases:create') && (
                    <Button
                      size="sm"
                      variant="light"
                      leftSection={<IconFilePlus size={16} />}
                      onClick={() => setDialog('case')}
                    >
                      {t('chat.conversation.createCase')}
                    </Button>
                  )}
                  <Button
                    size="sm"
                    variant="light"
                    leftSection={<IconLink size={16} />}
                    onClick={() => setDialog('attach')}
                  >
                    {t('chat.conversation.attachCase')}
                  </Button>
                </>
              )}
              {chat.status === 'open' && (
                <Button
                  size="sm"
                  variant="subtle"
                  color="red"
                  leftSection={<IconLock size={16} />}
                  loading={close.isPending}
                  onClick={() => close.mutate(undefined)}
                >
                  {t('chat.conversation.end')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {error && (
          <div style={{ padding: 'var(--mantine-spacing-sm)' }}>
            <FormError error={error} />
          </div>
        )}
        <MessageLog chat={chat} />
        {chat.status === 'open' && mayWork ? (
          <ReplyBox chatId={chat.id} />
        ) : (
          chat.status === 'closed' && (
            <Text size="sm" c="dimmed" ta="center" p="md">
              {t('chat.conversation.ended')}
            </Text>
          )
        )}
      </Stack>
      <CreateCaseModal chat={chat} opened={dialog === 'case'} onClose={() => setDialog(null)} />
      <AttachCaseModal chat={chat} opened={dialog === 'attach'} onClose={() => setDialog(null)} />
    </Paper>
  );
}

function MessageLog({ chat }: { chat: ChatDetail }) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const count = chat.messages.length;
  // a new line scrolls the log to it, as in any chat
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the number of lines changes
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [count]);
  return (
    // the log region holds a list (role="log" on the list itself would hide its items from it)
    <div role="log" aria-label={t('chat.conversation.label')} aria-live="polite">
      <ScrollArea.Autosize mah="55vh" viewportRef={viewport} type="auto" bg="gray.0">
        <Stack gap="xs" p="md" component="ol" style={{ listStyle: 'none', margin: 0 }}>
          {chat.messages.map((m) => (
            <Line key={m.seq} m={m} visitor={visitorName(chat, t)} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </div>
  );
}

function Line({ m, visitor }: { m: ChatMessage; visitor: string }) {
  const { t } = useTranslation();
  const { me, org } = useSession();
  const f = useFormatters(org.timezone);
  if (m.author === 'system') {
    const text = systemLine(m.body, m.authorName, t);
    if (!text) return null;
    return (
      <Text component="li" size="xs" c="dimmed" ta="center" data-author="system">
        {text}
      </Text>
    );
  }
  const fromVisitor = m.author === 'visitor';
  const who = fromVisitor
    ? visitor
    : m.authorId === me.user.id
      ? t('chat.conversation.you')
      : (m.authorName ?? '');
  // the visitor writes from the start side, staff from the end side
  return (
    <li
      data-author={m.author}
      style={{ alignSelf: fromVisitor ? 'flex-start' : 'flex-end', maxWidth: '80%' }}
    >
      <Paper p="xs" px="sm" radius="md" withBorder={fromVisitor} bg={fromVisitor ? 'white' : 'teal.0'}>
        <UserText size="sm" component="p" className="pre-wrap" m={0}>
          {m.body}
        </UserText>
      </Paper>
      <Text size="xs" c="dimmed" ta={fromVisitor ? 'start' : 'end'} mt={2}>
        <Data>{who}</Data> ·{' '}
        <time dateTime={m.at} translate="no">
          {f.compact(m.at)}
        </time>
      </Text>
    </li>
  );
}

function ReplyBox({ chatId }: { chatId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const send = useChatAction<{ body: string }>(chatId, 'messages');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim() || send.isPending) return;
    send.mutate({ body }, { onSuccess: () => setBody('') });
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form
      onSubmit={submit}
      style={{
        padding: 'var(--mantine-spacing-md)',
        borderBlockStart: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <Stack gap="xs">
        <FormError error={send.error && !fieldError(send.error, 'body') ? send.error : null} />
        <Textarea
          label={t('chat.conversation.replyLabel')}
          description={t('chat.conversation.replyHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          styles={OWN_DIRECTION}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={onKey}
          error={fieldError(send.error, 'body')}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconMessage size={16} />}
            loading={send.isPending}
            disabled={!body.trim()}
          >
            {t('chat.conversation.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
