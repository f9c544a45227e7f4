// The server's refusals, shown where they belong: next to the input of the field they name, in
// a line under a section, or in the form's alert when no input of the form shows them.
import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../../../api/client.ts';
import { IconAlert } from '../../../ui/icons.tsx';
import { ErrorText, ServerText } from '../../../ui/States.tsx';

type ServerField = { field: string; message: string; params?: { problem?: string } };

export function serverFields(error: unknown): ServerField[] {
  return error instanceof ApiError ? (error.fields as ServerField[]) : [];
}

/** The server's message for a field, for an input's `error` prop (first of the names that has one). */
export function fieldError(error: unknown, ...names: string[]): ReactNode {
  for (const name of names) {
    const f = serverFields(error).find((x) => x.field === name);
    if (f) return <ServerText>{f.message}</ServerText>;
  }
  return undefined;
}

/** Messages for a field and everything under it (`week.mon` also gets `week.mon[0]`). */
export function fieldErrorsUnder(error: unknown, prefix: string): ReactNode {
  const found = serverFields(error).filter(
    (f) => f.field === prefix || f.field.startsWith(`${prefix}.`) || f.field.startsWith(`${prefix}[`),
  );
  if (!found.length) return undefined;
  return <ServerText>{found.map((f) => f.message).join(' ')}</ServerText>;
}

/** The server's message about a whole section (the week, the holidays, the targets), under its hint. */
export function SectionError({ error, field }: { error: unknown; field: string }) {
  const message = fieldError(error, field);
  if (!message) return null;
  return (
    <Text size="sm" c="red.8" role="alert">
      {message}
    </Text>
  );
}

/** A small red line under a row or a cell (its messages are already found), or nothing. */
export function ErrorLine({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Text size="xs" c="red.8">
      {children}
    </Text>
  );
}

/**
 * The form-level alert: the server's summary, plus the field messages no input of the form shows
 * (`shown` says which fields have an input), so nothing the server said is lost.
 */
export function FormError({
  error,
  shown = () => false,
}: {
  error: unknown;
  shown?: (field: string) => boolean;
}) {
  if (!error) return null;
  const rest = serverFields(error).filter((f) => !shown(f.field));
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
      <ErrorText error={error} />
      {rest.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {rest.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              <ServerText>{f.message}</ServerText>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
