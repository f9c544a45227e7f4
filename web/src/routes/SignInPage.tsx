import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useMe, useSignIn } from '../features/session/session.ts';
import { IconAlert } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ErrorText } from '../ui/States.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';

const ORG_KEY = 'riza.org';

/** Only paths inside this app, so ?next= cannot send a user elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [org, setOrg] = useState(() => localStorage.getItem(ORG_KEY) ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('signIn.submit'));

  if (me.data) return <Navigate to={next} replace />;

  const error = signIn.error;
  const fieldError = (name: string) => {
    const message = error instanceof ApiError ? error.field(name) : undefined;
    return message ? <span translate="no">{message}</span> : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const slug = org.trim().toLowerCase();
    signIn.mutate(
      { org: slug, email: email.trim(), password },
      {
        onSuccess: () => {
          localStorage.setItem(ORG_KEY, slug);
          navigate(next, { replace: true });
        },
      },
    );
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
          <form onSubmit={submit} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
            <Stack gap="md">
              <div>
                <Title order={1} size="h2">
                  {t('app.name')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('signIn.subtitle')}
                </Text>
              </div>
              {error && (
                <Alert id="sign-in-error" color="red" variant="light" icon={<IconAlert />} role="alert">
                  <ErrorText error={error} />
                </Alert>
              )}
              <TextInput
                label={t('signIn.org')}
                description={t('signIn.orgHint')}
                name="org"
                autoComplete="organization"
                autoCapitalize="none"
                spellCheck={false}
                dir="ltr"
                required
                value={org}
                onChange={(e) => setOrg(e.currentTarget.value)}
                error={fieldError('org')}
              />
              <TextInput
                label={t('signIn.email')}
                name="email"
                type="email"
                autoComplete="username"
                dir="ltr"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fieldError('email')}
              />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldError('password')}
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
