// The portal's frame: the organisation's name as its brand, the language switch, the page, and a
// footer. Loads the org's public description once per language and shares it with every page.
import { Anchor, Avatar, Box, Button, Container, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { EmptyView, ErrorState, LoadingState } from '../../ui/States.tsx';
import { Data } from '../../ui/UserText.tsx';
import { PortalContext, usePortal } from './PortalContext.tsx';
import { PortalLanguageSwitch } from './PortalLanguageSwitch.tsx';
import { usePortalInfo } from './portal-api.ts';
import { openInOrgLanguage } from './portal-language.ts';

/** "<screen> · <organisation>" in the tab, history and screen readers. */
export function usePortalTitle(screen: string | undefined): void {
  const { info } = usePortal();
  useEffect(() => {
    document.title = screen ? `${screen} · ${info.org.name}` : info.org.name;
  }, [screen, info.org.name]);
}

function Frame({
  brand,
  languages,
  children,
}: {
  brand: ReactNode;
  languages: readonly (typeof LANGUAGES)[number][];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box className="portal" mih="100vh">
      <a className="skip-link" href="#portal-main">
        {t('portal.skipToContent')}
      </a>
      <Box component="header" className="portal-header">
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            {brand}
            <PortalLanguageSwitch orgLanguages={languages} />
          </Group>
        </Container>
      </Box>
      <Container component="main" id="portal-main" size="md" py="xl" tabIndex={-1}>
        {children}
      </Container>
      <Box component="footer" className="portal-footer">
        <Container size="md" py="md">
          <Text size="xs" c="dimmed">
            {t('portal.poweredBy')}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}

export function PortalShell({ slug, children }: { slug: string; children: ReactNode }) {
  const { t } = useTranslation();
  const info = usePortalInfo(slug);
  const defaultLanguage = info.data?.defaultLanguage;
  useEffect(() => {
    if (defaultLanguage) void openInOrgLanguage(defaultLanguage);
  }, [defaultLanguage]);
  const base = `/portal/${encodeURIComponent(slug)}`;
  const value = useMemo(() => (info.data ? { slug, info: info.data, base } : null), [slug, info.data, base]);

  if (!value) {
    const unknownOrg = info.error instanceof ApiError && info.error.status === 404;
    return (
      <Frame brand={<span />} languages={LANGUAGES}>
        {info.isPending ? (
          <LoadingState />
        ) : unknownOrg ? (
          <EmptyView title={t('portal.unknownOrg.title')} description={t('portal.unknownOrg.description')} />
        ) : (
          <ErrorState error={info.error} onRetry={() => info.refetch()} />
        )}
      </Frame>
    );
  }

  const name = value.info.org.name;
  return (
    <PortalContext.Provider value={value}>
      <Frame
        languages={value.info.languages}
        brand={
          <Anchor component={Link} to={base} underline="never" c="inherit" className="portal-brand">
            <Group gap="sm" wrap="nowrap">
              <Avatar color="teal" variant="filled" radius="md" size={44} aria-hidden="true" translate="no">
                {Array.from(name.trim())[0] ?? ''}
              </Avatar>
              <Stack gap={0} miw={0}>
                <Text fw={700} size="lg" lh={1.2} className="truncate">
                  <Data>{name}</Data>
                </Text>
                <Text size="sm" c="dimmed" lh={1.3}>
                  {t('portal.tagline')}
                </Text>
              </Stack>
            </Group>
          </Anchor>
        }
      >
        {children}
      </Frame>
    </PortalContext.Provider>
  );
}

export function PortalNotFound() {
  const { t } = useTranslation();
  const { base } = usePortal();
  usePortalTitle(t('portal.notFound.title'));
  return (
    <EmptyView
      title={t('portal.notFound.title')}
      description={t('portal.notFound.description')}
      action={
        <Button component={Link} to={base} variant="light">
          {t('portal.notFound.home')}
        </Button>
      }
    />
  );
}
