// The kinds of channel a customer can come in by, and the case channel each one records.
import type { Channel } from '../../profiles/types.ts';

export const CHANNEL_KINDS = [
  'email',
  'web_chat',
  'whatsapp',
  'telegram',
  'messenger',
  'phone',
  'store',
  'video',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CASE_CHANNEL_OF: Record<ChannelKind, Channel> = {
  email: 'email',
  web_chat: 'chat',
  whatsapp: 'messaging',
  telegram: 'messaging',
  messenger: 'social',
  phone: 'call_centre',
  store: 'store',
  video: 'video',
};

/** Public platforms: data classified confidential must not be sent over them (R-REC-4). */
export const SOCIAL_KINDS: readonly ChannelKind[] = ['whatsapp', 'telegram', 'messenger'];
