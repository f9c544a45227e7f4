// What a chat can become: a new case for the visitor (type, subject, description from their
// messages), or a line on an existing case found by its number. Either way the server copies the
// whole transcript to the case and sends the chat's later lines there too.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { CaseListItem, CasePage } from '../../api/types.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { pickText } from '../../i18n/format.ts';
import { IconCheck } from '../../ui/icons.tsx';
import { Data, renderDataOption, UserText } from '../../ui/UserText.tsx';
import { READABLE_ERRORS } from '../agent/case/ActionModal.tsx';
import { OWN_DIRECTION } from '../agent/case/bidi.ts';
import { FormError, fieldError } from '../agent/case/FormError.tsx';
import { type ChatDetail, useChatAction } from './chat-api.ts';

const TYPES = ['complaint', 'suggestion', 'inquiry', 'compliment'] as const;

function Done({ caseId, text }: { caseId: string; text: string }) {
  return (
    <Alert color="teal" variant="light" icon={<IconCheck />} role="status">
      <Anchor component={Link} to={`/cases/${caseId}`}>
        {text}
      </Anchor>
    </Alert>
  );
}

function Frame({
  title,
  opened,
  onClose,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('chat.createCase.cancel') }}
      styles={{ content: READABLE_ERRORS }}
    >
      {children}
    </Modal>
  );
}

export function CreateCaseModal({
  chat,
  opened,
  onClose,
}: {
  chat: ChatDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const visitorText = chat.messages
    .filter((m) => m.author === 'visitor')
    .map((m) => m.body)
    .join('\n');
  const [type, setType] = useState<string>('complaint');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState<string | null>(null);
  const create = useChatAction<Record<string, unknown>, { caseId: string; number: string }>(chat.id, 'case');
  const types = TYPES.filter((ty) => org.settings.caseTypes?.[ty]?.enabled ?? true).map((ty) => ({
    value: ty,
    label: pickText(org.settings.caseTypes?.[ty]?.name, i18n.language) || t(`type.${ty}`),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      type,
      ...(subject.trim() ? { subject } : {}),
      ...(description?.trim() ? { description } : {}),
    });
  };
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Frame title={t('chat.createCase.title')} opened={opened} onClose={close}>
      {create.data ? (
        <Stack>
          <Done
            caseId={create.data.caseId}
            text={t('chat.createCase.done', { number: create.data.number })}
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('chat.createCase.cancel')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError
              error={
                create.error && !fieldError(create.error, 'type', 'subject', 'description')
                  ? create.error
                  : null
              }
            />
            <Select
              label={t('chat.createCase.type')}
              data={types}
              value={type}
              onChange={(v) => v && setType(v)}
              allowDeselect={false}
              renderOption={renderDataOption}
              error={fieldError(create.error, 'type')}
            />
            <TextInput
              label={t('chat.createCase.subject')}
              description={t('chat.createCase.subjectHint')}
              maxLength={200}
              styles={OWN_DIRECTION}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={fieldError(create.error, 'subject')}
            />
            <Textarea
              label={t('chat.createCase.description')}
              description={t('chat.createCase.descriptionHint')}
              autosize
              minRows={3}
              maxRows={10}
              styles={OWN_DIRECTION}
              // the visitor's words: data, in their own language
              translate="no"
              value={description ?? visitorText}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={fieldError(create.error, 'description')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('chat.createCase.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('chat.createCase.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Frame>
  );
}

export function AttachCaseModal({
  chat,
  opened,
  onClose,
}: {
  chat: ChatDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<CaseListItem[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const attach = useChatAction<{ caseId: string }, { caseId: string; number: string }>(chat.id, 'attach');
  const find = async () => {
    if (!number.trim()) return;
    setSearching(true);
    setSearchError(null);
    try {
      const r = await api<CasePage>(`/api/v1/cases${query({ q: number.trim(), limit: 10 })}`);
      setFound(r.items);
      setPicked(r.items.length === 1 ? r.items[0]!.id : null);
    } catch (e) {
      setSearchError(e);
    } finally {
      setSearching(false);
    }
  };
  const close = () => {
    attach.reset();
    setFound(null);
    setPicked(null);
    onClose();
  };
  return (
    <Frame title={t('chat.attach.title')} opened={opened} onClose={close}>
      {attach.data ? (
        <Stack>
          <Done caseId={attach.data.caseId} text={t('chat.attach.done', { number: attach.data.number })} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('chat.attach.cancel')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void find();
            }}
          >
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('chat.attach.number')}
                description={t('chat.attach.numberHint')}
                maxLength={40}
                value={number}
                onChange={(e) => setNumber(e.currentTarget.value)}
                autoComplete="off"
                data-autofocus
              />
              <Button type="submit" variant="light" loading={searching}>
                {t('chat.attach.find')}
              </Button>
            </Group>
          </form>
          <FormError error={searchError ?? attach.error} />
          {found &&
            (found.length === 0 ? (
              <Text size="sm" c="dimmed" role="status">
                {t('chat.attach.noResults')}
              </Text>
            ) : (
              <Radio.Group label={t('chat.attach.results')} value={picked} onChange={setPicked}>
                <Stack gap="xs" mt="xs">
                  {found.map((c) => (
                    <Radio
                      key={c.id}
                      value={c.id}
                      label={
                        <span>
                          <Text span ff="monospace" fw={600}>
                            <Data>{c.number}</Data>
                          </Text>{' '}
                          <UserText component="span" size="sm">
                            {c.summary}
                          </UserText>
                        </span>
                      }
                    />
                  ))}
                </Stack>
              </Radio.Group>
            ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('chat.attach.cancel')}
            </Button>
            <Button
              disabled={!picked}
              loading={attach.isPending}
              onClick={() => picked && attach.mutate({ caseId: picked })}
            >
              {t('chat.attach.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Frame>
  );
}
