// The chat console in the navigation, with how many visitors are waiting for an answer, for
// everyone who reads cases (agents answer; managers and QA read).
import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can } from '../../features/session/session.ts';
import { useFormatters } from '../../i18n/format.ts';
import type { ChatSummary } from './chat-api.ts';
import { IconChat } from './icons.tsx';

/** The navigation counts waiting chats on every screen; the console itself refreshes live. */
const NAV_POLL_MS = 20_000;

export function ChatNav() {
  const { me } = useSession();
  if (!can(me, 'cases:read:org') && !can(me, 'cases:read:department')) return null;
  return <ChatNavLink />;
}

function ChatNavLink() {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const { pathname } = useLocation();
  const chats = useQuery({
    queryKey: ['chats', 'open'],
    queryFn: async () => (await api<{ items: ChatSummary[] }>('/api/v1/chats?status=open')).items,
    refetchInterval: NAV_POLL_MS,
  });
  const waiting = chats.data?.filter((c) => c.state === 'waiting').length ?? 0;
  const active = pathname === '/chats' || pathname.startsWith('/chats/');
  return (
    <NavLink
      component={Link}
      to="/chats"
      mt="xs"
      label={
        <>
          {t('chat.nav')}
          {waiting > 0 && <VisuallyHidden>{t('chat.list.waitingCount', { count: waiting })}</VisuallyHidden>}
        </>
      }
      leftSection={<IconChat size={18} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      rightSection={
        waiting > 0 ? (
          <Badge size="sm" color="orange" variant="filled" aria-hidden="true" data-waiting-chats={waiting}>
            {f.number(waiting)}
          </Badge>
        ) : null
      }
    />
  );
}
