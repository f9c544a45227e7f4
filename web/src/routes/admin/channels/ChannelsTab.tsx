import { Code, Group, JsonInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { CHANNEL_KINDS, type ChannelItem, enc, useAdminChange, useChannels, useInboxes } from '../api.ts';
import { QueryView } from '../shared/AdminPage.tsx';
import { CodeInput, ItemFormModal } from '../shared/dialogs.tsx';
import {
  ItemsTable,
  ListTab,
  NameCell,
  StatusAndActions,
  TextCell,
  useEditDialog,
} from '../shared/lists.tsx';
import { fieldError, fieldErrorsUnder } from '../shared/server-errors.tsx';

type Kind = ChannelItem['kind'];
const STALE = [['admin', 'channels']] as const;

/** Where the platform or the PBX posts to, once the channel exists (docs/channels.md). */
function inboundAddress(kind: Kind, org: string, code: string): string | null {
  const base = window.location.origin;
  if (kind === 'whatsapp' || kind === 'telegram' || kind === 'messenger')
    return `${base}/api/v1/webhooks/${enc(org)}/${enc(code)}`;
  if (kind === 'phone') return `${base}/api/v1/cti/${enc(org)}/${enc(code)}/events`;
  return null;
}

/** The whole channel, as PUT on its code (a retired one is the same channel with `active: false`). */
function putChannel(code: string, c: Omit<ChannelItem, 'code'>) {
  return {
    method: 'PUT' as const,
    path: `/api/v1/admin/channels/${enc(code)}`,
    body: { inbox: c.inbox, kind: c.kind, address: c.address || null, config: c.config, active: c.active },
  };
}

/** The settings as typed, if they are a JSON object. */
function parseConfig(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function ChannelsTab() {
  const { t, i18n } = useTranslation();
  const channels = useChannels();
  const inboxes = useInboxes();
  const dialog = useEditDialog<ChannelItem>();
  const inboxName = (code: string) => {
    const i = inboxes.data?.find((x) => x.code === code);
    return (i && pickText(i.name, i18n.language)) || code;
  };
  return (
    <QueryView query={channels}>
      {(items) => (
        <ListTab
          hint={t('admin.inboxes.channelsHint')}
          newLabel={t('admin.inboxes.newChannel')}
          onNew={dialog.create}
          newDisabled={!inboxes.data?.length}
        >
          <ItemsTable
            label={t('admin.inboxes.channels')}
            minWidth={760}
            columns={[
              t('admin.inboxes.channel'),
              t('admin.inboxes.kind'),
              t('admin.inboxes.address'),
              t('admin.inboxes.inbox'),
              t('admin.common.status'),
              t('admin.common.actions'),
            ]}
            items={items}
            empty={
              <EmptyView
                title={t('admin.inboxes.noChannels')}
                description={t('admin.inboxes.noChannelsHint')}
              />
            }
          >
            {(c) => (
              <Table.Tr key={c.code} data-channel={c.code}>
                <NameCell name={c.code} />
                <TextCell>{t(`admin.inboxes.kinds.${c.kind}`)}</TextCell>
                <TextCell>{c.address ? <Data>{c.address}</Data> : '—'}</TextCell>
                <TextCell>
                  <Data>{inboxName(c.inbox)}</Data>
                </TextCell>
                <StatusAndActions
                  active={c.active}
                  name={c.code}
                  onEdit={() => dialog.edit(c)}
                  retire={{
                    request: (active) => putChannel(c.code, { ...c, active }),
                    stale: STALE,
                    title: t('admin.inboxes.retireChannel'),
                    message: t('admin.inboxes.retireChannelMessage', { name: c.code }),
                  }}
                />
              </Table.Tr>
            )}
          </ItemsTable>
          {dialog.open && (
            <ChannelForm
              channel={dialog.item}
              taken={items.map((c) => c.code)}
              inboxes={(inboxes.data ?? []).map((i) => ({
                value: i.code,
                label: pickText(i.name, i18n.language) || i.code,
              }))}
              onClose={dialog.close}
            />
          )}
        </ListTab>
      )}
    </QueryView>
  );
}

function ChannelForm({
  channel,
  taken,
  inboxes,
  onClose,
}: {
  channel: ChannelItem | null;
  taken: string[];
  inboxes: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { org } = useSession();
  const [code, setCode] = useState(channel?.code ?? '');
  const [kind, setKind] = useState<Kind>(channel?.kind ?? 'email');
  const [inbox, setInbox] = useState<string | null>(channel?.inbox ?? inboxes[0]?.value ?? null);
  const [address, setAddress] = useState(channel?.address ?? '');
  const [config, setConfig] = useState(JSON.stringify(channel?.config ?? {}, null, 2));
  const [jsonError, setJsonError] = useState(false);
  const save = useAdminChange(
    () =>
      putChannel(code.trim(), {
        kind,
        inbox: inbox ?? '',
        address,
        config: parseConfig(config) ?? {},
        active: channel?.active ?? true,
      }),
    STALE,
  );
  const codeTaken = !channel && taken.includes(code.trim());
  const inbound = code.trim() ? inboundAddress(kind, org.slug, code.trim()) : null;
  return (
    <ItemFormModal
      title={channel ? t('admin.inboxes.editChannel') : t('admin.inboxes.newChannel')}
      creating={!channel}
      save={save}
      shown={(f) => /^(params\.code|inbox|kind|address|config)/.test(f)}
      ready={() => {
        const ok = parseConfig(config) !== null;
        setJsonError(!ok);
        return ok && !codeTaken;
      }}
      onClose={onClose}
    >
      {!channel && (
        <CodeInput
          value={code}
          onChange={setCode}
          taken={codeTaken}
          error={fieldError(save.error, 'params.code')}
        />
      )}
      <Group grow align="flex-start">
        <Select
          label={t('admin.inboxes.kind')}
          data={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`admin.inboxes.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as Kind)}
          allowDeselect={false}
          error={fieldError(save.error, 'kind')}
        />
        <Select
          label={t('admin.inboxes.inbox')}
          data={inboxes}
          renderOption={renderDataOption}
          value={inbox}
          onChange={setInbox}
          required
          allowDeselect={false}
          error={fieldError(save.error, 'inbox')}
        />
      </Group>
      <TextInput
        label={t('admin.inboxes.address')}
        description={t('admin.inboxes.addressHint')}
        value={address}
        onChange={(e) => setAddress(e.currentTarget.value)}
        dir="ltr"
        error={fieldError(save.error, 'address')}
      />
      <JsonInput
        label={t('admin.inboxes.settings')}
        description={t('admin.inboxes.settingsHint')}
        value={config}
        onChange={setConfig}
        autosize
        minRows={4}
        maxRows={16}
        formatOnBlur
        dir="ltr"
        validationError={t('admin.inboxes.invalidJson')}
        error={jsonError ? t('admin.inboxes.invalidJson') : fieldErrorsUnder(save.error, 'config')}
      />
      {inbound && (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('admin.inboxes.inboundAddress')}
          </Text>
          <Code block translate="no">
            {inbound}
          </Code>
        </Stack>
      )}
    </ItemFormModal>
  );
}
