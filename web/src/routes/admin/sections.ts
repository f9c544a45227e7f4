// The administration screens and the permission each needs (the server checks the same ones).
import type { ComponentType } from 'react';
import type { Me } from '../../api/types.ts';
import { can, type Permission } from '../../features/session/session.ts';
import {
  IconCalendar,
  IconForm,
  IconHistory,
  IconInboxes,
  IconOutbox,
  IconPlug,
  IconSettings,
  IconShield,
  IconSitemap,
  IconTemplate,
  IconTimer,
  IconUsersCog,
} from './icons.tsx';

export const ADMIN_SECTIONS = [
  { id: 'organisation', permission: 'settings:manage', icon: IconSettings },
  { id: 'calendars', permission: 'settings:manage', icon: IconCalendar },
  { id: 'sla', permission: 'settings:manage', icon: IconTimer },
  { id: 'structure', permission: 'settings:manage', icon: IconSitemap },
  { id: 'form', permission: 'settings:manage', icon: IconForm },
  { id: 'users', permission: 'users:manage', icon: IconUsersCog },
  { id: 'roles', permission: 'users:manage', icon: IconShield },
  { id: 'templates', permission: 'settings:manage', icon: IconTemplate },
  { id: 'providers', permission: 'settings:manage', icon: IconPlug },
  { id: 'outbox', permission: 'settings:manage', icon: IconOutbox },
  { id: 'inboxes', permission: 'settings:manage', icon: IconInboxes },
  { id: 'audit', permission: 'audit:read', icon: IconHistory },
] as const satisfies readonly {
  id: string;
  permission: Permission;
  icon: ComponentType<{ size?: number }>;
}[];

export type AdminSectionId = (typeof ADMIN_SECTIONS)[number]['id'];

export function adminSections(me: Me) {
  return ADMIN_SECTIONS.filter((s) => can(me, s.permission));
}

/** Administrators and user managers see the section; so do auditors, for the audit trail alone. */
export function seesAdministration(me: Me): boolean {
  return adminSections(me).length > 0;
}
