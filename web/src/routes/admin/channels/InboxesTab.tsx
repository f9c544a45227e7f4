import { Group, MultiSelect, Select, Switch, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { enc, type Inbox, useAdminChange, useAdminUsers, useCalendars, useInboxes } from '../api.ts';
import { QueryView } from '../shared/AdminPage.tsx';
import { DepartmentSelect } from '../shared/departments.tsx';
import { CodeInput, ItemFormModal } from '../shared/dialogs.tsx';
import {
  ItemsTable,
  ListTab,
  NameCell,
  StatusAndActions,
  TextCell,
  useEditDialog,
} from '../shared/lists.tsx';
import { filledIn, LocalizedInputs, NameInputs } from '../shared/localized.tsx';
import { fieldError } from '../shared/server-errors.tsx';

// not a possible calendar code, so it cannot clash with a real option
const DEPARTMENT_CALENDAR = '*';
const STALE = [['admin', 'inboxes']] as const;

/** The whole inbox, as PUT on its code (a retired one is the same inbox with `active: false`). */
function putInbox(i: Inbox) {
  return {
    method: 'PUT' as const,
    path: `/api/v1/admin/inboxes/${enc(i.code.trim())}`,
    body: {
      name: filledIn(i.name),
      department: i.department,
      calendar: i.calendar,
      autoReply: i.autoReply && Object.keys(filledIn(i.autoReply)).length ? filledIn(i.autoReply) : null,
      members: i.members,
      active: i.active,
    },
  };
}

export function InboxesTab() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const inboxes = useInboxes();
  const dialog = useEditDialog<Inbox>();
  const department = (code: string) => org.departments.find((d) => d.code === code);
  return (
    <QueryView query={inboxes}>
      {(items) => (
        <ListTab
          hint={t('admin.inboxes.inboxesHint')}
          newLabel={t('admin.inboxes.newInbox')}
          onNew={dialog.create}
        >
          <ItemsTable
            label={t('admin.inboxes.inboxes')}
            minWidth={760}
            columns={[
              t('admin.common.name'),
              t('admin.structure.department'),
              t('admin.calendars.calendar'),
              t('admin.inboxes.members'),
              t('admin.common.status'),
              t('admin.common.actions'),
            ]}
            items={items}
            empty={
              <EmptyView
                title={t('admin.inboxes.noInboxes')}
                description={t('admin.inboxes.noInboxesHint')}
              />
            }
          >
            {(i) => {
              const name = pickText(i.name, i18n.language) || i.code;
              return (
                <Table.Tr key={i.code} data-inbox={i.code}>
                  <NameCell
                    name={name}
                    code={i.code}
                    detail={i.autoReply ? <> · {t('admin.inboxes.withAutoReply')}</> : null}
                  />
                  <TextCell>
                    <Data>{pickText(department(i.department)?.name, i18n.language) || i.department}</Data>
                  </TextCell>
                  <TextCell>
                    {i.calendar ? <Data>{i.calendar}</Data> : t('admin.inboxes.departmentCalendar')}
                  </TextCell>
                  <TextCell>{t('admin.inboxes.memberCount', { count: i.members.length })}</TextCell>
                  <StatusAndActions
                    active={i.active}
                    name={name}
                    onEdit={() => dialog.edit(i)}
                    retire={{
                      request: (active) => putInbox({ ...i, active }),
                      stale: STALE,
                      title: t('admin.inboxes.retireInbox'),
                      message: t('admin.inboxes.retireInboxMessage', { name }),
                    }}
                  />
                </Table.Tr>
              );
            }}
          </ItemsTable>
          {dialog.open && (
            <InboxForm inbox={dialog.item} taken={items.map((i) => i.code)} onClose={dialog.close} />
          )}
        </ListTab>
      )}
    </QueryView>
  );
}

function InboxForm({ inbox, taken, onClose }: { inbox: Inbox | null; taken: string[]; onClose: () => void }) {
  const { t } = useTranslation();
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
    () =>
      putInbox({
        code,
        name,
        department: department ?? '',
        calendar: calendar === DEPARTMENT_CALENDAR ? null : calendar,
        autoReply: autoReplyOn ? autoReply : null,
        members,
        active: inbox?.active ?? true,
      }),
    STALE,
  );
  const codeTaken = !inbox && taken.includes(code.trim());
  return (
    <ItemFormModal
      title={inbox ? t('admin.inboxes.editInbox') : t('admin.inboxes.newInbox')}
      creating={!inbox}
      save={save}
      shown={(f) => /^(params\.code|name|department|calendar|autoReply|members)/.test(f)}
      ready={() => !codeTaken}
      onClose={onClose}
    >
      {!inbox && (
        <CodeInput
          value={code}
          onChange={setCode}
          taken={codeTaken}
          error={fieldError(save.error, 'params.code')}
        />
      )}
      <NameInputs value={name} onChange={setName} error={save.error} />
      <Group grow align="flex-start">
        <DepartmentSelect
          label={t('admin.inboxes.queue')}
          description={t('admin.inboxes.queueHint')}
          departments={org.departments}
          value={department}
          onChange={setDepartment}
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
    </ItemFormModal>
  );
}
