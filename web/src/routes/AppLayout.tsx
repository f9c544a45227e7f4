// The app shell: header (organisation, user, language, sign out) and the navigation the user's
// permissions allow. The navbar sits at the inline start, so on the right in Arabic.
import { AppShell, Burger, Button, Group, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../features/session/SessionContext.tsx';
import { can, useSignOut } from '../features/session/session.ts';
import { pickText } from '../i18n/format.ts';
import { IconLogout } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { Data } from '../ui/UserText.tsx';
import { AdminNav } from './admin/AdminNav.tsx';
import { QueueNav } from './agent/QueueNav.tsx';
import { ChatNav } from './chat/ChatNav.tsx';
import { ManagerNav } from './manager/ManagerNav.tsx';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { me, org } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const role = org.roles.find((r) => r.code === me.user.role_code);
  const readsCases = can(me, 'cases:read:org') || can(me, 'cases:read:department');

  // a link followed on a phone closes the menu
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => close(), [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />
            <Text fw={700} size="lg" c="teal.9">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" className="truncate" visibleFrom="xs">
              <Data>{pickText(org.name, i18n.language, org.defaultLocale)}</Data>
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Stack gap={0} visibleFrom="md" align="flex-end">
              <Text size="sm" fw={600}>
                <Data>{me.user.display_name}</Data>
              </Text>
              {role && (
                <Text size="xs" c="dimmed">
                  <Data>{pickText(role.name, i18n.language)}</Data>
                </Text>
              )}
            </Stack>
            <LanguageSwitch userId={me.user.id} />
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconLogout size={16} />}
              loading={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })
              }
            >
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        <ScrollArea type="auto">
          {readsCases ? (
            <QueueNav />
          ) : (
            <Text size="sm" c="dimmed" p="sm">
              {t('nav.nothing')}
            </Text>
          )}
          <ChatNav />
          <ManagerNav />
          <AdminNav />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <VisuallyHidden aria-live="polite" id="live-region" />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
