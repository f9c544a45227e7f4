// What every manager screen shares: its heading and hint, and the answer for a role that may not
// see it (the server would refuse the data anyway).
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../features/session/SessionContext.tsx';
import { can, type Permission } from '../../features/session/session.ts';
import { EmptyView } from '../../ui/States.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';

export function PageFrame({
  title,
  hint,
  needs,
  aside,
  children,
}: {
  title: string;
  hint: string;
  needs: Permission;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(title);
  if (!can(me, needs))
    return (
      <EmptyView title={t('manager.forbidden.title')} description={t('manager.forbidden.description')} />
    );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {hint}
          </Text>
        </div>
        {aside}
      </Group>
      {children}
    </Stack>
  );
}
