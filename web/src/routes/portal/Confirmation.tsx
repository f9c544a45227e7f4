// After sending: the case number and the expected date at once. Files chosen in the form are
// attached once the customer proves the phone is theirs with the code we text to it — the portal
// only opens a case to the person holding that phone.
import { Alert, Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconArrowForward, IconCheck } from '../../ui/icons.tsx';
import { ErrorText } from '../../ui/States.tsx';
import { Data } from '../../ui/UserText.tsx';
import { CodeEntry } from './CodeEntry.tsx';
import { usePortal } from './PortalContext.tsx';
import { PortalDate } from './PortalDate.tsx';
import { type PortalReceipt, useRequestCode } from './portal-api.ts';
import { UploadList } from './UploadList.tsx';
import { useUploads } from './uploads.ts';

function AttachChosenFiles({ number, files }: { number: string; files: File[] }) {
  const { t } = useTranslation();
  const { slug } = usePortal();
  const sendCode = useRequestCode(slug);
  const uploads = useUploads(slug, number);
  const [stage, setStage] = useState<'code' | 'sending' | 'done' | 'skipped'>('code');
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    sendCode.mutate(number);
  }, [number, sendCode]);

  if (stage === 'skipped') return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="portal-attach-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="portal-attach-title">
          {t('portal.attach.title', { count: files.length })}
        </Title>
        {stage === 'code' && (
          <>
            <Text size="sm">{t('portal.attach.intro')}</Text>
            {sendCode.error ? (
              <Alert color="red" variant="light" role="alert">
                <ErrorText error={sendCode.error} />
              </Alert>
            ) : (
              <CodeEntry
                number={number}
                sentMessage={sendCode.data?.message}
                submitLabel={t('portal.attach.submit')}
                onVerified={async () => {
                  setStage('sending');
                  await uploads.upload(files);
                  setStage('done');
                }}
                extra={
                  <Button variant="subtle" color="gray" onClick={() => setStage('skipped')}>
                    {t('portal.attach.skip')}
                  </Button>
                }
              />
            )}
          </>
        )}
        <UploadList outcomes={uploads.outcomes} />
      </Stack>
    </Paper>
  );
}

export function Confirmation({
  receipt,
  phone,
  files,
  typeName,
  onAnother,
}: {
  receipt: PortalReceipt;
  phone: string;
  files: File[];
  typeName?: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { base } = usePortal();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} className="portal-receipt">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconCheck size={28} className="portal-receipt-icon" />
            <Title order={1} ref={heading} tabIndex={-1}>
              {t('portal.confirmation.title')}
            </Title>
          </Group>
          {typeName && (
            <Text>
              {t('portal.confirmation.type')} <Data>{typeName}</Data>
            </Text>
          )}
          <div>
            <Text size="sm" c="dimmed">
              {t('portal.confirmation.number')}
            </Text>
            <Group gap="sm" align="center">
              <Text fz={28} fw={700} dir="ltr" translate="no" data-case-number="">
                {receipt.number}
              </Text>
              <CopyButton value={receipt.number}>
                {({ copied, copy }) => (
                  <Button
                    variant="light"
                    size="compact-sm"
                    onClick={copy}
                    color={copied ? 'teal' : undefined}
                  >
                    {copied ? t('portal.confirmation.copied') : t('portal.confirmation.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </div>
          {receipt.expectedResolution && (
            <div data-expected-date="">
              <Text size="sm" c="dimmed">
                {t('portal.confirmation.expected')}
              </Text>
              <PortalDate date={receipt.expectedResolution} size="lg" stacked />
            </div>
          )}
          <Text size="sm">
            {phone ? (
              <>
                {t('portal.confirmation.smsTo')} <Data>{phone}</Data>
              </>
            ) : (
              t('portal.confirmation.keepNumber')
            )}
          </Text>
          <Group gap="sm">
            <Button
              component={Link}
              to={`${base}/track?number=${encodeURIComponent(receipt.number)}`}
              rightSection={<IconArrowForward size={16} />}
            >
              {t('portal.confirmation.track')}
            </Button>
            <Button variant="subtle" onClick={onAnother}>
              {t('portal.confirmation.another')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {files.length > 0 && <AttachChosenFiles number={receipt.number} files={files} />}
    </Stack>
  );
}
