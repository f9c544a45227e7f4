// The portal's home: send a complaint or a suggestion, or follow one already sent.
import {
  Alert,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { IconArrowForward, IconMessage, IconNote, IconSearch } from '../../ui/icons.tsx';
import { usePortal } from './PortalContext.tsx';
import { usePortalTitle } from './PortalShell.tsx';

export function PortalHome() {
  const { t } = useTranslation();
  const { info, base } = usePortal();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  usePortalTitle(t('portal.home.title'));
  const acceptsForms = info.channels.includes('web_form');
  const offered = (code: string) => info.caseTypes.some((c) => c.code === code);

  const track = (event: FormEvent) => {
    event.preventDefault();
    const n = number.trim();
    navigate(`${base}/track${n ? `?number=${encodeURIComponent(n)}` : ''}`);
  };

  return (
    <Stack gap="xl">
      <Stack gap="xs" className="portal-hero">
        <Title order={1}>{t('portal.home.title')}</Title>
        <Text size="lg">{t('portal.home.intro')}</Text>
      </Stack>

      {!acceptsForms && (
        <Alert color="blue" variant="light">
          {t('portal.home.noOnlineForm')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, sm: acceptsForms ? 3 : 1 }} spacing="lg">
        {acceptsForms && offered('complaint') && (
          <Card withBorder radius="md" padding="lg" className="portal-card">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light" aria-hidden="true">
                <IconMessage size={22} />
              </ThemeIcon>
              <Title order={2} size="h3">
                {t('portal.home.complaintTitle')}
              </Title>
              <Text size="sm" style={{ flexGrow: 1 }}>
                {t('portal.home.complaintText')}
              </Text>
              <Button
                component={Link}
                to={`${base}/submit?type=complaint`}
                rightSection={<IconArrowForward size={16} />}
              >
                {t('portal.home.complaintAction')}
              </Button>
            </Stack>
          </Card>
        )}
        {acceptsForms && offered('suggestion') && (
          <Card withBorder radius="md" padding="lg" className="portal-card">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light" aria-hidden="true">
                <IconNote size={22} />
              </ThemeIcon>
              <Title order={2} size="h3">
                {t('portal.home.suggestionTitle')}
              </Title>
              <Text size="sm" style={{ flexGrow: 1 }}>
                {t('portal.home.suggestionText')}
              </Text>
              <Button
                component={Link}
                to={`${base}/submit?type=suggestion`}
                variant="light"
                rightSection={<IconArrowForward size={16} />}
              >
                {t('portal.home.suggestionAction')}
              </Button>
            </Stack>
          </Card>
        )}
        <Card withBorder radius="md" padding="lg" className="portal-card">
          <form onSubmit={track} style={{ height: '100%' }}>
            <Stack gap="sm" h="100%">
              <ThemeIcon size={40} radius="md" variant="light" aria-hidden="true">
                <IconSearch size={22} />
              </ThemeIcon>
              <Title order={2} size="h3">
                {t('portal.home.trackTitle')}
              </Title>
              <TextInput
                label={t('portal.track.numberLabel')}
                description={t('portal.track.numberHint')}
                name="number"
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                value={number}
                onChange={(e) => setNumber(e.currentTarget.value)}
                style={{ flexGrow: 1 }}
              />
              <Button type="submit" variant="light" rightSection={<IconArrowForward size={16} />}>
                {t('portal.home.trackAction')}
              </Button>
            </Stack>
          </form>
        </Card>
      </SimpleGrid>

      {acceptsForms && info.caseTypes.some((c) => c.code !== 'complaint' && c.code !== 'suggestion') && (
        <Group gap="xs">
          <Text size="sm">{t('portal.home.otherTypes')}</Text>
          <Button component={Link} to={`${base}/submit`} variant="subtle" size="compact-sm">
            {t('portal.home.otherTypesAction')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
