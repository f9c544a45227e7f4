// Designed loading, empty and error states, used by every screen the same way.
import { Alert, Button, Center, EmptyState, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { IconAlert, IconInbox } from './icons.tsx';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {label ?? t('state.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function EmptyView({
  title,
  description,
  action,
}: {
  title: string;
  description?: string;
  action?: ReactNode;
}) {
  return (
    <EmptyState
      py="xl"
      icon={<IconInbox size={28} />}
      withIndicatorBackground
      title={title}
      description={description}
    >
      {action}
    </EmptyState>
  );
}

/** Text the server wrote, already in the user's language: not ours to translate again. */
export function ServerText({ children }: { children: string }) {
  return <span translate="no">{children}</span>;
}

/** The server's own (already translated) message when it sent one, else a plain explanation. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return <>{t('state.offline')}</>;
    if (error.message) return <ServerText>{error.message}</ServerText>;
  }
  return <>{t('state.unexpected')}</>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={t('state.errorTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          <ErrorText error={error} />
        </Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
