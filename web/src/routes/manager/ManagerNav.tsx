// The manager's part of the navigation: the follow-up board for those who may close cases, the
// team view and dashboards for those who may read reports. Nothing for anyone else.
import { NavLink, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can, type Permission } from '../../features/session/session.ts';
import { IconUsers } from '../../ui/icons.tsx';
import { IconBriefcase, IconChart, IconClipboardCheck } from './icons.tsx';

export const MANAGER_SCREENS: {
  path: string;
  key: 'followUp' | 'team' | 'dashboards';
  needs: Permission;
  icon: ComponentType<{ size?: number }>;
}[] = [
  { path: '/manager/follow-up', key: 'followUp', needs: 'cases:close', icon: IconClipboardCheck },
  { path: '/manager/team', key: 'team', needs: 'reports:read', icon: IconUsers },
  { path: '/manager/dashboards', key: 'dashboards', needs: 'reports:read', icon: IconChart },
];

export function ManagerNav() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { pathname } = useLocation();
  const screens = MANAGER_SCREENS.filter((s) => can(me, s.needs));
  if (!screens.length) return null;
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4} component="h2">
        <IconBriefcase size={14} style={{ verticalAlign: 'middle', marginInlineEnd: 6 }} />
        {t('manager.nav.title')}
      </Text>
      {screens.map((s) => {
        const Icon = s.icon;
        const active = pathname === s.path;
        return (
          <NavLink
            key={s.path}
            component={Link}
            to={s.path}
            label={t(`manager.nav.${s.key}`)}
            leftSection={<Icon size={18} />}
            active={active}
            aria-current={active ? 'page' : undefined}
          />
        );
      })}
    </>
  );
}
