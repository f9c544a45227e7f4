import { NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../features/session/SessionContext.tsx';
import { IconSettings } from './icons.tsx';
import { adminSections } from './sections.ts';

/** The "Administration" part of the navigation: only the screens the user's role may open. */
export function AdminNav() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { pathname } = useLocation();
  const sections = adminSections(me);
  if (!sections.length) return null;
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4} component="h2">
        <IconSettings size={14} style={{ verticalAlign: 'middle', marginInlineEnd: 6 }} />
        {t('admin.nav.title')}
      </Text>
      {sections.map(({ id, icon: Icon }) => {
        const to = `/admin/${id}`;
        const current = pathname === to || pathname.startsWith(`${to}/`);
        return (
          <NavLink
            key={id}
            component={Link}
            to={to}
            label={t(`admin.nav.${id}`)}
            leftSection={<Icon size={18} />}
            active={current}
            aria-current={current ? 'page' : undefined}
          />
        );
      })}
    </>
  );
}
