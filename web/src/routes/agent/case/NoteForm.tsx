import { Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddNote } from '../../../features/cases/cases.ts';
import { IconNote } from '../../../ui/icons.tsx';
import { OWN_DIRECTION } from './bidi.ts';
import { FormError, fieldError } from './FormError.tsx';

export function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const note = useAddNote(caseId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    note.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Stack gap="xs">
        <FormError error={note.error && !fieldError(note.error, 'body') ? note.error : null} />
        <Textarea
          id="note"
          label={t('note.label')}
          description={t('note.hint')}
          autosize
          minRows={2}
          maxRows={10}
          styles={OWN_DIRECTION}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError(note.error, 'body')}
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconNote size={16} />} loading={note.isPending}>
            {t('note.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
