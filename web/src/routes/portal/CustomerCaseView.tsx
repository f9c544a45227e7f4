// The case as the customer sees it: status in their words, the expected date, the question we
// are waiting on (with a reply box), our final answer with its steps and the PDF letter, the
// stages so far, what they wrote, and a way to add files while it is open.
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  IconCheck,
  IconCircle,
  IconClock,
  IconLock,
  IconMessage,
  IconNote,
  IconPaperclip,
} from '../../ui/icons.tsx';
import { ErrorText, ServerText } from '../../ui/States.tsx';
import { Data, UserText } from '../../ui/UserText.tsx';
import { usePortal } from './PortalContext.tsx';
import { PortalDate } from './PortalDate.tsx';
import {
  type CustomerCase,
  type CustomerEvent,
  type CustomerStatus,
  letterUrl,
  useEndSession,
  useReply,
} from './portal-api.ts';
import { typedDirection } from './text-direction.ts';
import { UploadList } from './UploadList.tsx';
import { ACCEPTED_FILES, MAX_FILES, useUploads } from './uploads.ts';

const STATUS_COLOR: Record<CustomerStatus, string> = {
  received: 'blue',
  in_progress: 'indigo',
  awaiting_your_reply: 'yellow',
  answered: 'teal',
  closed: 'gray',
  under_review: 'grape',
  escalated: 'orange',
  withdrawn: 'gray',
  rejected: 'red',
};
const OPEN: CustomerStatus[] = ['received', 'in_progress', 'awaiting_your_reply', 'under_review'];

const EVENT_ICON: Record<CustomerEvent['type'], typeof IconCheck> = {
  registered: IconCircle,
  acknowledged: IconCheck,
  information_requested: IconMessage,
  customer_replied: IconMessage,
  responded: IconNote,
  extended: IconClock,
  closed: IconLock,
};

function Steps({ steps }: { steps: string[] }) {
  const { t } = useTranslation();
  if (!steps.length) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('portal.case.steps')}
      </Text>
      <List type="ordered" size="sm" spacing={4} className="portal-steps">
        {steps.map((s) => (
          <List.Item key={s}>
            <UserText size="sm">{s}</UserText>
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function ReplyForm({ number, question }: { number: string; question: string | null }) {
  const { t } = useTranslation();
  const { slug } = usePortal();
  const [message, setMessage] = useState('');
  const reply = useReply(slug, number);
  const send = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate(message.trim(), { onSuccess: () => setMessage('') });
  };
  const error = reply.error instanceof ApiError ? reply.error.field('message') : undefined;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconMessage />}
      title={t('portal.case.questionTitle')}
      component="section"
      data-pending-question=""
    >
      <Stack gap="sm">
        {question && (
          <UserText component="p" size="sm" className="pre-wrap" m={0}>
            {question}
          </UserText>
        )}
        <form onSubmit={send} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('portal.case.replyLabel')}
              name="message"
              autosize
              minRows={3}
              maxRows={12}
              dir={typedDirection(message)}
              required
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              error={error ? <ServerText>{error}</ServerText> : undefined}
            />
            {reply.error && !error && (
              <Text size="sm" c="red.9" role="alert">
                <ErrorText error={reply.error} />
              </Text>
            )}
            <Group>
              <Button type="submit" loading={reply.isPending} disabled={!message.trim()}>
                {t('portal.case.replySend')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Alert>
  );
}

function AddFiles({ number }: { number: string }) {
  const { t } = useTranslation();
  const { slug } = usePortal();
  const [files, setFiles] = useState<File[]>([]);
  const uploads = useUploads(slug, number);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="portal-files-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="portal-files-title">
          {t('portal.case.filesTitle')}
        </Title>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('portal.form.files')}
            description={t('portal.form.filesTypes', { count: MAX_FILES })}
            multiple
            clearable
            accept={ACCEPTED_FILES}
            leftSection={<IconPaperclip size={16} />}
            placeholder={t('portal.form.filesPlaceholder')}
            value={files}
            onChange={setFiles}
            valueComponent={({ value }) => (
              <Data>
                {(Array.isArray(value) ? value : value ? [value] : []).map((f) => f.name).join(', ')}
              </Data>
            )}
            clearButtonProps={{ 'aria-label': t('portal.form.filesClear') }}
            style={{ flexGrow: 1 }}
          />
          <Button
            loading={uploads.busy}
            disabled={!files.length}
            onClick={async () => {
              await uploads.upload(files);
              setFiles([]);
            }}
          >
            {t('portal.case.filesSend')}
          </Button>
        </Group>
        <UploadList outcomes={uploads.outcomes} />
      </Stack>
    </Paper>
  );
}

/** `finalAt`: the answer shown above the history is not repeated in it. */
function History({ events, finalAt }: { events: CustomerEvent[]; finalAt?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="portal-history-title">
      <Title order={2} size="h4" id="portal-history-title" mb="md">
        {t('portal.case.history')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={26} lineWidth={2}>
        {events.map((e) => {
          const Icon = EVENT_ICON[e.type];
          return (
            <Timeline.Item
              key={`${e.type}-${e.at}`}
              bullet={<Icon size={14} />}
              title={<ServerText>{e.label}</ServerText>}
              data-event-type={e.type}
            >
              <Stack gap={4}>
                <Text c="dimmed" size="xs">
                  <PortalDate iso={e.at} size="xs" />
                </Text>
                {e.question && (
                  <UserText component="p" size="sm" className="pre-wrap" m={0}>
                    {e.question}
                  </UserText>
                )}
                {e.message && (
                  <UserText component="p" size="sm" className="pre-wrap" m={0}>
                    {e.message}
                  </UserText>
                )}
                {e.answer && e.at !== finalAt && (
                  <UserText component="p" size="sm" className="pre-wrap" m={0}>
                    {e.answer}
                  </UserText>
                )}
                {e.newDueAt && (
                  <Text size="sm">
                    {t('portal.case.newDate')} <PortalDate date={e.newDate} iso={e.newDueAt} />
                  </Text>
                )}
                {e.reason && (
                  <UserText component="p" size="sm" className="pre-wrap" m={0}>
                    {e.reason}
                  </UserText>
                )}
              </Stack>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}

export function CustomerCaseView({ kase, onEnded }: { kase: CustomerCase; onEnded: () => void }) {
  const { t, i18n } = useTranslation();
  // a subject the server drew from the first sentence would only repeat it
  const description = kase.description.trim();
  const { slug } = usePortal();
  const end = useEndSession(slug);
  const open = OPEN.includes(kase.status.code);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            <Data>{kase.type.name}</Data>
          </Text>
          <Title order={1}>
            {t('portal.case.title')} <bdi translate="no">{kase.number}</bdi>
          </Title>
        </Stack>
        <Button
          variant="default"
          loading={end.isPending}
          onClick={() => end.mutate(undefined, { onSettled: onEnded })}
        >
          {t('portal.case.end')}
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: open ? 3 : 2 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            {t('portal.case.status')}
          </Text>
          <Badge
            size="lg"
            mt={6}
            variant="light"
            color={STATUS_COLOR[kase.status.code] ?? 'gray'}
            data-customer-status={kase.status.code}
          >
            <ServerText>{kase.status.label}</ServerText>
          </Badge>
        </Paper>
        {open && (
          <Paper withBorder radius="md" p="md" data-expected-date="">
            <Text size="sm" c="dimmed">
              {t('portal.case.expected')}
            </Text>
            {kase.expectedResolution ? (
              <PortalDate date={kase.expectedResolution} size="md" stacked />
            ) : (
              <Text size="sm">{t('portal.case.noExpectedDate')}</Text>
            )}
          </Paper>
        )}
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            {t('portal.case.registered')}
          </Text>
          <PortalDate iso={kase.registeredAt} size="md" stacked />
        </Paper>
      </SimpleGrid>

      {kase.informationRequest.pending && (
        <ReplyForm number={kase.number} question={kase.informationRequest.question} />
      )}

      {kase.answer && (
        <Paper
          withBorder
          radius="md"
          p="lg"
          component="section"
          aria-labelledby="portal-answer-title"
          data-answer=""
        >
          <Stack gap="sm">
            <Group justify="space-between" gap="sm">
              <Title order={2} size="h4" id="portal-answer-title">
                {t('portal.case.answer')}
              </Title>
              <Text size="xs" c="dimmed">
                <PortalDate iso={kase.answer.at} size="xs" />
              </Text>
            </Group>
            <UserText component="p" className="pre-wrap" m={0}>
              {kase.answer.text}
            </UserText>
            <Steps steps={kase.answer.steps} />
            <Group>
              <Button
                component="a"
                href={letterUrl(slug, kase.number, i18n.language)}
                download
                variant="light"
                leftSection={<IconNote size={16} />}
                data-letter-link=""
              >
                {t('portal.case.letter')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <History events={kase.history} finalAt={kase.answer?.at} />

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="portal-wrote-title">
        <Stack gap="xs">
          <Title order={2} size="h4" id="portal-wrote-title">
            {t('portal.case.yourRequest')}
          </Title>
          {(kase.service || kase.category) && (
            <Text size="sm" c="dimmed">
              <Data>{[kase.service, kase.category].filter(Boolean).join(' · ')}</Data>
            </Text>
          )}
          {kase.subject && !description.startsWith(kase.subject.replace(/…$/, '')) && (
            <UserText fw={600} component="p" m={0}>
              {kase.subject}
            </UserText>
          )}
          <UserText component="p" size="sm" className="pre-wrap" m={0}>
            {kase.description}
          </UserText>
        </Stack>
      </Paper>

      {open ? (
        <AddFiles number={kase.number} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('portal.case.filesClosed')}
        </Text>
      )}
    </Stack>
  );
}
