// The agents' side of web chat: queries and actions over the REST API (GET/POST /api/v1/chats…),
// kept fresh by the live socket (/api/v1/chats/live): the server says "chat X changed", the console
// refetches what is on screen. While the socket is down the queries poll.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, csrf } from '../../api/client.ts';
import type { Locale, LocalizedText } from '../../api/types.ts';

export type ChatState = 'waiting' | 'active' | 'closed';
export type ChatAuthor = 'visitor' | 'agent' | 'system';

export interface ChatSummary {
  id: string;
  status: 'open' | 'closed';
  state: ChatState;
  channel: { code: string };
  inbox: { code: string; name: LocalizedText };
  visitor: { name: string | null; contact: string | null };
  locale: Locale;
  agent: { id: string; name: string } | null;
  case: { id: string; number: string } | null;
  startedAt: string;
  endedAt: string | null;
  waitingSince: string | null;
  lastMessage: { author: ChatAuthor; body: string; at: string } | null;
  messageCount: number;
}

export interface ChatMessage {
  seq: number;
  author: ChatAuthor;
  authorId: string | null;
  authorName: string | null;
  body: string;
  at: string;
}

export interface ChatDetail extends ChatSummary {
  messages: ChatMessage[];
}

/** System lines are small JSON documents: who joined, who ended it, the case it became. */
export type SystemEvent =
  | { event: 'joined' }
  | { event: 'closed'; by: 'agent' | 'visitor' }
  | { event: 'case'; number: string };

export function systemEvent(body: string): SystemEvent | null {
  try {
    const e = JSON.parse(body) as SystemEvent;
    return typeof e?.event === 'string' ? e : null;
  } catch {
    return null;
  }
}

/** While the socket is down, lists and the open chat are polled this often. */
const POLL_MS = 10_000;

export function useChats(status: 'open' | 'closed', live: boolean) {
  return useQuery({
    queryKey: ['chats', status],
    queryFn: async () => (await api<{ items: ChatSummary[] }>(`/api/v1/chats?status=${status}`)).items,
    refetchInterval: live ? false : POLL_MS,
  });
}

export function useChat(id: string | undefined, live: boolean) {
  return useQuery({
    queryKey: ['chat', id],
    queryFn: () => api<ChatDetail>(`/api/v1/chats/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchInterval: live ? false : POLL_MS,
  });
}

/** The actions of one chat; each answer carries the chat as it is now. */
export function useChatAction<B extends Record<string, unknown> | undefined, R = unknown>(
  id: string,
  action: 'take' | 'messages' | 'close' | 'case' | 'attach',
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      api<R & { chat: ChatDetail }>(`/api/v1/chats/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body: body ?? {},
      }),
    onSuccess: (r) => {
      client.setQueryData(['chat', id], r.chat);
      void client.invalidateQueries({ queryKey: ['chats'] });
      if (r.chat.case) void client.invalidateQueries({ queryKey: ['timeline', r.chat.case.id] });
    },
  });
}

export type LiveChatState = 'connecting' | 'live' | 'down';

/**
 * One socket per console: authenticated by the session cookie at the upgrade and by the CSRF
 * token in its first message; each notice refreshes the list and that chat. Reconnects with a
 * growing pause.
 */
export function useChatLive(): LiveChatState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveChatState>('connecting');
  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    const connect = () => {
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/chats/live`;
      const s = new WebSocket(url);
      socket = s;
      s.onopen = () => s.send(JSON.stringify({ type: 'auth', csrf: csrf.get() }));
      s.onmessage = (e) => {
        let msg: { type?: string; chatId?: string };
        try {
          msg = JSON.parse(String(e.data));
        } catch {
          return;
        }
        if (msg.type === 'ready') {
          attempts = 0;
          setState('live');
          // whatever happened while we were away
          void client.invalidateQueries({ queryKey: ['chats'] });
          void client.invalidateQueries({ queryKey: ['chat'] });
        } else if (msg.type === 'chat' && msg.chatId) {
          void client.invalidateQueries({ queryKey: ['chats'] });
          void client.invalidateQueries({ queryKey: ['chat', msg.chatId] });
        }
      };
      s.onclose = () => {
        if (stopped) return;
        setState('down');
        attempts++;
        timer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempts, 5)));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [client]);
  return state;
}
