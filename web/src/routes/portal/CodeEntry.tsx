// The one-time code texted to the phone on the case: six digits, typed or filled in by the phone
// (autocomplete="one-time-code"), with "send a new code". A verified code opens the case for 30
// minutes (the httpOnly cookie the server sets).
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import { ErrorText, ServerText } from '../../ui/States.tsx';
import { usePortal } from './PortalContext.tsx';
import { useRequestCode, useVerifyCode } from './portal-api.ts';

export function CodeEntry({
  number,
  sentMessage,
  onVerified,
  submitLabel,
  extra,
}: {
  number: string;
  /** the server's "we sent a code" wording, from the request that sent it */
  sentMessage?: string;
  onVerified: () => void;
  submitLabel: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { slug } = usePortal();
  const [code, setCode] = useState('');
  const verify = useVerifyCode(slug);
  const resend = useRequestCode(slug);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // people copy codes with spaces or from a message in Arabic-Indic digits
    const digits = code.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\D/g, '');
    verify.mutate({ number, code: digits }, { onSuccess: () => onVerified() });
  };
  const codeError =
    verify.error instanceof ApiError ? (verify.error.field('code') ?? verify.error.message) : undefined;
  const message = resend.data?.message ?? sentMessage;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {message && (
          <Alert color="teal" variant="light" icon={<IconCheck />} role="status">
            <ServerText>{message}</ServerText>
          </Alert>
        )}
        <TextInput
          ref={input}
          label={t('portal.code.label')}
          description={t('portal.code.hint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          maxLength={12}
          required
          w={{ base: '100%', xs: 260 }}
          className="portal-code"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={codeError ? <ServerText>{codeError}</ServerText> : undefined}
        />
        {verify.error && !(verify.error instanceof ApiError && verify.error.status === 400) && (
          <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
            <ErrorText error={verify.error} />
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={verify.isPending}>
            {submitLabel}
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              setCode('');
              verify.reset();
              resend.mutate(number);
            }}
            loading={resend.isPending}
          >
            {t('portal.code.resend')}
          </Button>
          {extra}
        </Group>
        {resend.error && (
          <Text size="sm" c="red.9" role="alert">
            <ErrorText error={resend.error} />
          </Text>
        )}
      </Stack>
    </form>
  );
}
