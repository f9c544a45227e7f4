// What became of each file the customer sent: sending, attached, or refused with the server's
// reason (wrong type, too large, too many files).
import { Group, List, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import { ErrorText } from '../../ui/States.tsx';
import { Data } from '../../ui/UserText.tsx';
import type { UploadOutcome } from './uploads.ts';

export function UploadList({ outcomes }: { outcomes: UploadOutcome[] }) {
  const { t } = useTranslation();
  if (!outcomes.length) return null;
  return (
    <List spacing="xs" listStyleType="none" aria-live="polite" aria-label={t('portal.files.listLabel')}>
      {outcomes.map((o, i) => (
        // a name may repeat; the position is the identity of an upload here
        // biome-ignore lint/suspicious/noArrayIndexKey: uploads are only ever appended
        <List.Item key={i} data-upload-state={o.state}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {o.state === 'sending' ? (
              <Loader size={16} aria-hidden="true" />
            ) : o.state === 'done' ? (
              <IconCheck size={18} color="var(--mantine-color-teal-9)" />
            ) : (
              <IconAlert size={18} color="var(--mantine-color-red-9)" />
            )}
            <div>
              <Text size="sm">
                <Data>{o.name}</Data>
                {' — '}
                {o.state === 'sending'
                  ? t('portal.files.sending')
                  : o.state === 'done'
                    ? t('portal.files.done')
                    : t('portal.files.failed')}
              </Text>
              {o.state === 'failed' && (
                <Text size="sm" c="red.9">
                  <ErrorText error={o.error} />
                </Text>
              )}
            </div>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
