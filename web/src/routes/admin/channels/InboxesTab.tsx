import { Button, Group, MultiSelect, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { enc, type Inbox, useAdminChange, useAdminUsers, useCalendars, useInboxes } from '../api.ts';
import { IconPencil, IconPlus } from '../icons.tsx';
import {
  ActiveBadge,
  ConfirmDialog,
  FormError,
  FormModal,
  fieldError,
  filledIn,
  LocalizedInputs,
} from '../ui.tsx';

// not a possible calendar code, so it cannot clash with a real option
const DEPARTMENT_CALENDAR = '*';

function inboxBody(i: Inbox) {
  return {
    name: filledIn(i.name),
    department: i.department,
    calendar: i.calendar,
    autoReply: i.autoReply && Object.keys(filledIn(i.autoReply)).length ? filledIn(i.autoReply) : null,
    members: i.members,
    active: i.active,
  };
}

export function InboxesTab() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const inboxes = useInboxes();
  const [editing, setEditing] = useState<Inbox | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Inbox | null>(null);
  const stale = [['admin', 'inboxes']] as const;
  const change = useAdminChange(
    (i: Inbox) => ({ method: 'PUT', path: `/api/v1/admin/inboxes/${enc(i.code)}`, body: inboxBody(i) }),
    stale,
  );
  const department = (code: string) => org.departments.find((d) => d.code === code);
  if (inboxes.isPending) return <LoadingState />;
  if (inboxes.isError) return <ErrorState error={inboxes.error} onRetry={() => inboxes.refetch()} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('admin.inboxes.inboxesHint')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('admin.inboxes.newInbox')}
        </Button>
      </Group>
      {inboxes.data.length === 0 ? (
        <EmptyView title={t('admin.inboxes.noInboxes')} description={t('admin.inboxes.noInboxesHint')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('admin.inboxes.inboxes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.common.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.structure.department')}</Table.Th>
                <Table.Th scope="col">{t('admin.calendars.calendar')}</Table.Th>
                <Table.Th scope="col">{t('admin.inboxes.members')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inboxes.data.map((i) => {
                const name = pickText(i.name, i18n.language) || i.code;
                return (
                  <Table.Tr key={i.code} data-inbox={i.code}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        <Data>{name}</Data>
                      </Text>
                      <Text size="xs" c="dimmed">
                        <Data>{i.code}</Data>
                        {i.autoReply ? <> · {t('admin.inboxes.withAutoReply')}</> : null}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <Data>{pickText(department(i.department)?.name, i18n.language) || i.department}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {i.calendar ? <Data>{i.calendar}</Data> : t('admin.inboxes.departmentCalendar')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('admin.inboxes.memberCount', { count: i.members.length })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={i.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => setEditing(i)}
                          aria-label={t('admin.common.editNamed', { name })}
                        >
                          {t('admin.common.edit')}
                        </Button>
                        {i.active ? (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => setRetiring(i)}
                          >
                            {t('admin.common.retire')}
                          </Button>
                        ) : (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            loading={change.isPending && change.variables?.code === i.code}
                            onClick={() => change.mutate({ ...i, active: true })}
                          >
                            {t('admin.common.reactivate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <InboxForm
          inbox={editing === 'new' ? null : editing}
          taken={inboxes.data.map((i) => i.code)}
          onClose={() => setEditing(null)}
        />
      )}
      {retiring && (
        <ConfirmDialog
          title={t('admin.inboxes.retireInbox')}
          message={t('admin.inboxes.retireInboxMessage', {
            name: pickText(retiring.name, i18n.language) || retiring.code,
          })}
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

function InboxForm({ inbox, taken, onClose }: { inbox: Inbox | null; taken: string[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const users = useAdminUsers();
  const calendars = useCalendars();
  const [code, setCode] = useState(inbox?.code ?? '');
  const [name, setName] = useState<LocalizedText>({ ...(inbox?.name ?? {}) });
  const [department, setDepartment] = useState<string | null>(inbox?.department ?? null);
  const [calendar, setCalendar] = useState(inbox?.calendar ?? DEPARTMENT_CALENDAR);
  const [autoReplyOn, setAutoReplyOn] = useState(Boolean(inbox?.autoReply));
  const [autoReply, setAutoReply] = useState<LocalizedText>({ ...(inbox?.autoReply ?? {}) });
  const [members, setMembers] = useState<string[]>(inbox?.members ?? []);
  const save = useAdminChange(
    () => ({
      method: 'PUT',
      path: `/api/v1/admin/inboxes/${enc(code.trim())}`,
      body: inboxBody({
        code,
        name,
        department: department ?? '',
        calendar: calendar === DEPARTMENT_CALENDAR ? null : calendar,
        autoReply: autoReplyOn ? autoReply : null,
        members,
        active: inbox?.active ?? true,
      }),
    }),
    [['admin', 'inboxes']],
  );
  const codeTaken = !inbox && taken.includes(code.trim());
  return (
    <FormModal
      title={inbox ? t('admin.inboxes.editInbox') : t('admin.inboxes.newInbox')}
      onClose={onClose}
      submitLabel={inbox ? t('admin.common.save') : t('admin.common.create')}
      pending={save.isPending}
      onSubmit={() => !codeTaken && save.mutate(undefined, { onSuccess: onClose })}
    >
      <FormError
        error={save.error}
        shown={(f) => /^(params\.code|name|department|calendar|autoReply|members)/.test(f)}
      />
      {!inbox && (
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
      <LocalizedInputs
        legend={t('admin.common.name')}
        value={name}
        onChange={setName}
        error={save.error}
        field="name"
        required
      />
      <Group grow align="flex-start">
        <Select
          label={t('admin.inboxes.queue')}
          description={t('admin.inboxes.queueHint')}
          data={org.departments
            .filter((d) => d.active || d.code === department)
            .map((d) => ({ value: d.code, label: pickText(d.name, i18n.language) }))}
          renderOption={renderDataOption}
          value={department}
          onChange={setDepartment}
          required
          searchable
          nothingFoundMessage={t('admin.common.nothingFound')}
          error={fieldError(save.error, 'department')}
        />
        <Select
          label={t('admin.calendars.calendar')}
          description={t('admin.inboxes.calendarHint')}
          data={[
            { value: DEPARTMENT_CALENDAR, label: t('admin.inboxes.departmentCalendar') },
            ...(calendars.data ?? []).map((c) => ({ value: c.code, label: c.calendar.name || c.code })),
          ]}
          renderOption={renderDataOption}
          value={calendar}
          onChange={(v) => setCalendar(v ?? DEPARTMENT_CALENDAR)}
          allowDeselect={false}
          error={fieldError(save.error, 'calendar')}
        />
      </Group>
      <MultiSelect
        label={t('admin.inboxes.members')}
        description={t('admin.inboxes.membersHint')}
        data={(users.data ?? [])
          .filter((u) => u.active || members.includes(u.email))
          .map((u) => ({ value: u.email, label: `${u.display_name} <${u.email}>` }))}
        renderOption={renderDataOption}
        value={members}
        onChange={setMembers}
        searchable
        clearable
        nothingFoundMessage={t('admin.common.nothingFound')}
        error={fieldError(save.error, 'members')}
      />
      <Switch
        label={t('admin.inboxes.autoReply')}
        description={t('admin.inboxes.autoReplyHint')}
        checked={autoReplyOn}
        onChange={(e) => setAutoReplyOn(e.currentTarget.checked)}
      />
      {autoReplyOn && (
        <LocalizedInputs
          legend={t('admin.inboxes.autoReplyText')}
          value={autoReply}
          onChange={setAutoReply}
          error={save.error}
          field="autoReply"
          multiline
        />
      )}
    </FormModal>
  );
}
