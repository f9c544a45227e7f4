// The messaging platforms by kind, and their entries for the channel registry.
import type { ChannelModule } from '../registry.ts';
import { messenger } from './messenger.ts';
import type { MessagingKind, MessagingPlatform } from './platform.ts';
import { telegram } from './telegram.ts';
import { whatsapp } from './whatsapp.ts';

export const MESSAGING_PLATFORMS: Record<MessagingKind, MessagingPlatform> = {
  whatsapp,
  telegram,
  messenger,
};

export const MESSAGING_KINDS = Object.keys(MESSAGING_PLATFORMS) as MessagingKind[];

export const MESSAGING_MODULES: ChannelModule[] = Object.values(MESSAGING_PLATFORMS).map((p) => ({
  kind: p.kind,
  check: p.check,
  sender: p.sender,
}));
