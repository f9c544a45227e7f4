// Every channel kind's module, in one list: its configuration check and its reply sender. Adding a
// kind of channel adds a line here and touches no case logic.
import { CONFIG_CHECKS, type ConfigCheck } from './channel-config.ts';
import type { ChannelKind } from './channel-kinds.ts';
import { checkWebChatConfig } from './chat/chat-config.ts';
import type { ChannelSender, ChannelSenders } from './deliver-replies.ts';
import { checkEmailConfig } from './email/email-config.ts';
import { MESSAGING_MODULES } from './messaging/platforms.ts';
import { checkPhoneConfig } from './phone/phone-config.ts';

export interface ChannelModule {
  kind: ChannelKind;
  check: ConfigCheck;
  sender?: ChannelSender;
}

const MODULES: ChannelModule[] = [
  ...MESSAGING_MODULES,
  // its sender needs the database (thread, customer, org relay): EmailReplySender, built by the worker
  { kind: 'email', check: checkEmailConfig },
  // no sender: the phone is answered live; call events come in through the CTI webhook
  { kind: 'phone', check: checkPhoneConfig },
  // its sender needs the database (the chat's lines, the live sockets): WebChatSender, built by the worker
  { kind: 'web_chat', check: checkWebChatConfig },
];

for (const m of MODULES) CONFIG_CHECKS[m.kind] = m.check;

export const SENDERS: ChannelSenders = Object.fromEntries(
  MODULES.filter((m) => m.sender).map((m) => [m.kind, m.sender!]),
) as ChannelSenders;
