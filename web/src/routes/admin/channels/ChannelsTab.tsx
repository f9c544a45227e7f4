import { Button, Code, Group, JsonInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { CHANNEL_KINDS, type ChannelItem, enc, useAdminChange, useChannels, useInboxes } from '../api.ts';
import { IconPencil, IconPlus } from '../icons.tsx';
import { ActiveBadge, ConfirmDialog, FormError, FormModal, fieldError, fieldErrorsUnder } from '../ui.tsx';

type Kind = ChannelItem['kind'];

/** Where the platform or the PBX posts to, once the channel exists (docs/channels.md). */
function inboundAddress(kind: Kind, org: string, code: string): string | null {
  const base = window.location.origin;
  if (kind === 'whatsapp' || kind === 'telegram' || kind === 'messenger')
    return `${base}/api/v1/webhooks/${enc(org)}/${enc(code)}`;
  if (kind === 'phone') return `${base}/api/v1/cti/${enc(org)}/${enc(code)}/events`;
  return null;
}

function channelBody(c: Omit<ChannelItem, 'code'>) {
  return { inbox: c.inbox, kind: c.kind, address: c.address || null, config: c.config, active: c.active };
}

export function ChannelsTab() {
  const { t, i18n } = useTranslation();
  const channels = useChannels();
  const inboxes = useInboxes();
  const [editing, setEditing] = useState<ChannelItem | 'new' | null>(null);
  const [retiring, setRetiring] = useState<ChannelItem | null>(null);
  const change = useAdminChange(
    (c: ChannelItem) => ({
      method: 'PUT',
      path: `/api/v1/admin/channels/${enc(c.code)}`,
      body: channelBody(c),
    }),
    [['admin', 'channels']],
  );
  const inboxName = (code: string) => {
    const i = inboxes.data?.find((x) => x.code === code);
    return (i && pickText(i.name, i18n.language)) || code;
  };
  if (channels.isPending) return <LoadingState />;
  if (channels.isError) return <ErrorState error={channels.error} onRetry={() => channels.refetch()} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('admin.inboxes.channelsHint')}
        </Text>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          disabled={!inboxes.data?.length}
        >
          {t('admin.inboxes.newChannel')}
        </Button>
      </Group>
      {channels.data.length === 0 ? (
        <EmptyView title={t('admin.inboxes.noChannels')} description={t('admin.inboxes.noChannelsHint')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('admin.inboxes.channels')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.inboxes.channel')}</Table.Th>
                <Table.Th scope="col">{t('admin.inboxes.kind')}</Table.Th>
                <Table.Th scope="col">{t('admin.inboxes.address')}</Table.Th>
                <Table.Th scope="col">{t('admin.inboxes.inbox')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.data.map((c) => (
                <Table.Tr key={c.code} data-channel={c.code}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      <Data>{c.code}</Data>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`admin.inboxes.kinds.${c.kind}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.address ? <Data>{c.address}</Data> : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Data>{inboxName(c.inbox)}</Data>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActiveBadge active={c.active} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setEditing(c)}
                        aria-label={t('admin.common.editNamed', { name: c.code })}
                      >
                        {t('admin.common.edit')}
                      </Button>
                      {c.active ? (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRetiring(c)}>
                          {t('admin.common.retire')}
                        </Button>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          loading={change.isPending && change.variables?.code === c.code}
                          onClick={() => change.mutate({ ...c, active: true })}
                        >
                          {t('admin.common.reactivate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ChannelForm
          channel={editing === 'new' ? null : editing}
          taken={channels.data.map((c) => c.code)}
          inboxes={(inboxes.data ?? []).map((i) => ({
            value: i.code,
            label: pickText(i.name, i18n.language) || i.code,
          }))}
          onClose={() => setEditing(null)}
        />
      )}
      {retiring && (
        <ConfirmDialog
          title={t('admin.inboxes.retireChannel')}
          message={t('admin.inboxes.retireChannelMessage', { name: retiring.code })}
          confirmLabel={t('admin.common.retire')}
          pending={change.isPending}
          error={change.error}
          onClose={() => {
            change.reset();
            setRetiring(null);
          }}
          onConfirm={() =>
            change.mutate({ ...retiring, active: false }, { onSuccess: () => setRetiring(null) })
          }
        />
      )}
    </Stack>
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
    (parsed: Record<string, unknown>) => ({
      method: 'PUT',
      path: `/api/v1/admin/channels/${enc(code.trim())}`,
      body: channelBody({
        kind,
        inbox: inbox ?? '',
        address,
        config: parsed,
        active: channel?.active ?? true,
      }),
    }),
    [['admin', 'channels']],
  );
  const codeTaken = !channel && taken.includes(code.trim());
  const inbound = code.trim() ? inboundAddress(kind, org.slug, code.trim()) : null;
  return (
    <FormModal
      title={channel ? t('admin.inboxes.editChannel') : t('admin.inboxes.newChannel')}
      onClose={onClose}
      submitLabel={channel ? t('admin.common.save') : t('admin.common.create')}
      pending={save.isPending}
      onSubmit={() => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(config || '{}');
        } catch {
          parsed = null;
        }
        const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
        setJsonError(!ok);
        if (ok && !codeTaken) save.mutate(parsed as Record<string, unknown>, { onSuccess: onClose });
      }}
    >
      <FormError error={save.error} shown={(f) => /^(params\.code|inbox|kind|address|config)/.test(f)} />
      {!channel && (
        <TextInput
          label={t('admin.common.code')}
          description={t('admin.common.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.toLowerCase())}
          required
          dir="ltr"
          data-autofocus
          error={codeTaken ? t('admin.common.codeTaken') : fieldError(save.error, 'params.code')}
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
    </FormModal>
  );
}
