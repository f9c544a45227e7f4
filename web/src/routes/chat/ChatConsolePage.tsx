// The agents' chat console (/chats, /chats/:id): the chats column and the open conversation side
// by side, live over the chat socket. On a phone, the list or the conversation, one at a time.
import { Anchor, Badge, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { IconArrowBack } from '../../ui/icons.tsx';
import { EmptyView, ErrorState, LoadingState } from '../../ui/States.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { READABLE_ERRORS } from '../agent/case/ActionModal.tsx';
import { ChatList } from './ChatList.tsx';
import { Conversation } from './Conversation.tsx';
import { useChatLive, useChats } from './chat-api.ts';

export function ChatConsolePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const live = useChatLive();
  const [tab, setTab] = useState<'open' | 'closed'>('open');
  const chats = useChats(tab, live === 'live');
  const wide = useMediaQuery('(min-width: 62em)', true);
  useDocumentTitle(id ? undefined : t('chat.title'));
  const waiting = chats.data?.filter((c) => c.state === 'waiting').length ?? 0;

  const list = (
    <Tabs value={tab} onChange={(v) => v && setTab(v as 'open' | 'closed')} keepMounted={false}>
      <Tabs.List aria-label={t('chat.tabs.label')} grow>
        <Tabs.Tab value="open">{t('chat.tabs.open')}</Tabs.Tab>
        <Tabs.Tab value="closed">{t('chat.tabs.closed')}</Tabs.Tab>
      </Tabs.List>
      {(['open', 'closed'] as const).map((panel) => (
        <Tabs.Panel key={panel} value={panel} pt="sm">
          {chats.isPending ? (
            <LoadingState />
          ) : chats.isError && !chats.data ? (
            <ErrorState error={chats.error} onRetry={() => chats.refetch()} />
          ) : chats.data.length === 0 ? (
            <EmptyView title={t(panel === 'open' ? 'chat.list.emptyOpen' : 'chat.list.emptyClosed')} />
          ) : (
            <ChatList items={chats.data} selected={id} />
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );

  return (
    <Stack gap="md" style={READABLE_ERRORS}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="xs">
            <Title order={1} size="h2">
              {t('chat.title')}
            </Title>
            {waiting > 0 && tab === 'open' && (
              <Badge color="orange" variant="filled" aria-hidden="true">
                {waiting}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('chat.hint')}
          </Text>
        </div>
        <Badge variant="dot" color={live === 'live' ? 'teal' : 'orange'} role="status" data-live={live}>
          {t(live === 'live' ? 'chat.live.on' : 'chat.live.off')}
        </Badge>
      </Group>
      {wide ? (
        <Grid gap="md" align="flex-start">
          <Grid.Col span={4}>{list}</Grid.Col>
          <Grid.Col span={8}>
            {id ? (
              <Conversation id={id} live={live === 'live'} />
            ) : (
              <EmptyView title={t('chat.conversation.none')} />
            )}
          </Grid.Col>
        </Grid>
      ) : id ? (
        <Stack gap="sm">
          <Anchor component={Link} to="/chats" size="sm">
            <Group gap={4} component="span">
              <IconArrowBack size={16} />
              {t('chat.conversation.back')}
            </Group>
          </Anchor>
          <Conversation id={id} live={live === 'live'} />
        </Stack>
      ) : (
        list
      )}
    </Stack>
  );
}
