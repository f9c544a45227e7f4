// The frame of every administration screen, and what a screen shows while its data loads.
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../../ui/States.tsx';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.ts';

export function AdminPage({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" maw={720}>
              {description}
            </Text>
          )}
        </div>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

/**
 * Loading, then the data; the error with Retry only when there is nothing to show (a failed
 * background refresh leaves what was loaded, and any unsaved edits, in place).
 */
export function QueryView<T>({
  query,
  children,
}: {
  query: { isPending: boolean; data: T | undefined; error: unknown; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.data === undefined) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
