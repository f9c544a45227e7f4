import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../../../api/client.ts';
import { IconAlert } from '../../../ui/icons.tsx';
import { ErrorText, ServerText } from '../../../ui/States.tsx';

/** The server's localised message above a form; its per-field messages go to the fields. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
      <ErrorText error={error} />
    </Alert>
  );
}

/** The server's message for a field, ready for an input's `error` prop. */
export function fieldError(error: unknown, ...names: string[]): ReactNode {
  if (!(error instanceof ApiError)) return undefined;
  for (const n of names) {
    const m = error.field(n);
    if (m) return <ServerText>{m}</ServerText>;
  }
  return undefined;
}
