import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck } from '../../../ui/icons.tsx';

/**
 * Save / discard for a page-sized form, with a quiet "saved" once the server accepted it.
 * Discarding also forgets the last save's outcome; `onDiscard` puts the saved values back.
 */
export function SaveBar({
  dirty,
  save,
  onDiscard,
  saveLabel,
}: {
  dirty: boolean;
  save: { isPending: boolean; isSuccess: boolean; reset: () => void };
  onDiscard: () => void;
  saveLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button type="submit" loading={save.isPending} disabled={!dirty}>
        {saveLabel ?? t('admin.common.save')}
      </Button>
      <Button
        variant="default"
        onClick={() => {
          save.reset();
          onDiscard();
        }}
        disabled={!dirty || save.isPending}
      >
        {t('admin.common.discard')}
      </Button>
      <Text size="sm" c="teal.9" role="status" aria-live="polite">
        {save.isSuccess && !dirty ? (
          <>
            <IconCheck size={16} style={{ verticalAlign: 'middle', marginInlineEnd: 4 }} />
            {t('admin.common.saved')}
          </>
        ) : dirty ? (
          t('admin.common.unsaved')
        ) : null}
      </Text>
    </Group>
  );
}
