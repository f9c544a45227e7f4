// Following a case: its number (from the SMS link, or typed) → "we sent a code" → the code → the
// case as the customer sees it. A session still open (30 minutes) shows the case straight away.
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IconArrowBack } from '../../ui/icons.tsx';
import { ErrorState, ErrorText, LoadingState } from '../../ui/States.tsx';
import { Data } from '../../ui/UserText.tsx';
import { CodeEntry } from './CodeEntry.tsx';
import { CustomerCaseView } from './CustomerCaseView.tsx';
import { usePortal } from './PortalContext.tsx';
import { usePortalTitle } from './PortalShell.tsx';
import { useCustomerCase, useRequestCode } from './portal-api.ts';

export function TrackPage() {
  const { t } = useTranslation();
  const { slug } = usePortal();
  const [params, setParams] = useSearchParams();
  const number = params.get('number')?.trim() || null;
  const [typed, setTyped] = useState(number ?? '');
  const [codeSent, setCodeSent] = useState<{ number: string; message: string } | null>(null);
  const current = useCustomerCase(slug, number);
  const requestCode = useRequestCode(slug);
  const shown = current.data ?? null;
  usePortalTitle(shown ? `${t('portal.case.title')} ${shown.number}` : t('portal.track.title'));

  const ask = (event: FormEvent) => {
    event.preventDefault();
    const n = typed.trim();
    if (!n) return;
    requestCode.mutate(n, {
      onSuccess: (r) => {
        setCodeSent({ number: n, message: r.message });
        setParams({ number: n }, { replace: true });
      },
    });
  };

  if (number && current.isPending && !codeSent) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => current.refetch()} />;
  if (shown) {
    return (
      <CustomerCaseView
        kase={shown}
        onEnded={() => {
          setCodeSent(null);
          setTyped('');
          setParams({}, { replace: true });
        }}
      />
    );
  }

  return (
    <Stack gap="lg" maw={560}>
      <Stack gap={4}>
        <Title order={1}>{t('portal.track.title')}</Title>
        <Text>{t('portal.track.intro')}</Text>
      </Stack>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        {codeSent ? (
          <Stack gap="md">
            <Text>
              {t('portal.track.codeFor')} <Data>{codeSent.number}</Data>
            </Text>
            <CodeEntry
              number={codeSent.number}
              sentMessage={codeSent.message}
              submitLabel={t('portal.track.open')}
              onVerified={() => void current.refetch()}
              extra={
                <Button
                  variant="subtle"
                  color="gray"
                  leftSection={<IconArrowBack size={16} />}
                  onClick={() => setCodeSent(null)}
                >
                  {t('portal.track.changeNumber')}
                </Button>
              }
            />
          </Stack>
        ) : (
          <form onSubmit={ask} noValidate>
            <Stack gap="md">
              <TextInput
                label={t('portal.track.numberLabel')}
                description={t('portal.track.numberHint')}
                name="number"
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                required
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                error={requestCode.error ? <ErrorText error={requestCode.error} /> : undefined}
              />
              <Text size="sm" c="dimmed">
                {t('portal.track.codeExplained')}
              </Text>
              <Group>
                <Button type="submit" loading={requestCode.isPending}>
                  {t('portal.track.sendCode')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
    </Stack>
  );
}
