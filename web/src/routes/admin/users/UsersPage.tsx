// Staff accounts: add, change role, department or language, deactivate (their sessions end and
// their API tokens are revoked at once) or bring back.
import { Group, SegmentedControl, Table, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { IconSearch } from '../../../ui/icons.tsx';
import { EmptyView } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { type AdminUser, enc, useAdminUsers } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import {
  ActionsCell,
  ActiveBadge,
  EditButton,
  ItemsTable,
  NameCell,
  NewButton,
  TextCell,
  useEditDialog,
} from '../shared/lists.tsx';
import { patchActive, RetireControl } from '../shared/RetireControl.tsx';
import { UserForm } from './UserForm.tsx';

type Show = 'active' | 'inactive' | 'all';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const dialog = useEditDialog<AdminUser>();
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<Show>('active');
  const needle = search.trim().toLocaleLowerCase();
  const items = (users.data ?? []).filter(
    (u) =>
      (show === 'all' || u.active === (show === 'active')) &&
      (!needle || u.display_name.toLocaleLowerCase().includes(needle) || u.email.includes(needle)),
  );
  return (
    <AdminPage
      title={t('admin.users.title')}
      description={t('admin.users.description')}
      actions={<NewButton onClick={dialog.create}>{t('admin.users.new')}</NewButton>}
    >
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('admin.users.search')}
          placeholder={t('admin.users.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={320}
        />
        <SegmentedControl
          aria-label={t('admin.users.show')}
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={[
            { value: 'active', label: t('admin.users.showActive') },
            { value: 'inactive', label: t('admin.users.showInactive') },
            { value: 'all', label: t('admin.users.showAll') },
          ]}
        />
      </Group>
      <QueryView query={users}>{() => <UserTable items={items} onEdit={dialog.edit} />}</QueryView>
      {dialog.open && (
        <UserForm user={dialog.item} taken={(users.data ?? []).map((u) => u.email)} onClose={dialog.close} />
      )}
    </AdminPage>
  );
}

function UserTable({ items, onEdit }: { items: AdminUser[]; onEdit: (u: AdminUser) => void }) {
  const { t, i18n } = useTranslation();
  const { me, org } = useSession();
  return (
    <ItemsTable
      label={t('admin.users.title')}
      minWidth={820}
      columns={[
        t('admin.users.name'),
        t('admin.users.role'),
        t('admin.structure.department'),
        t('admin.users.language'),
        t('admin.common.status'),
        t('admin.common.actions'),
      ]}
      items={items}
      empty={<EmptyView title={t('admin.users.empty')} />}
    >
      {(u) => {
        const self = u.id === me.user.id;
        const role = org.roles.find((r) => r.code === u.role_code);
        const department = org.departments.find((d) => d.id === u.department_id);
        const control = (
          <RetireControl
            active={u.active}
            request={patchActive(`/api/v1/admin/users/${enc(u.id)}`)}
            stale={[['users']]}
            title={t('admin.users.deactivateTitle')}
            message={t('admin.users.deactivateMessage', { name: u.display_name })}
            retireLabel={t('admin.users.deactivate')}
            disabled={self}
          />
        );
        return (
          <Table.Tr key={u.id} data-user={u.email}>
            <NameCell name={u.display_name} code={u.email} />
            <TextCell>
              <Data>{role ? pickText(role.name, i18n.language) : u.role_code}</Data>
            </TextCell>
            <TextCell>
              {department ? (
                <Data>{pickText(department.name, i18n.language)}</Data>
              ) : (
                t('admin.users.noDepartment')
              )}
            </TextCell>
            <TextCell>{t(`languageName.${u.locale}`, { defaultValue: u.locale })}</TextCell>
            <Table.Td>
              <ActiveBadge
                active={u.active}
                activeLabel={t('admin.users.showActive')}
                inactiveLabel={t('admin.users.deactivated')}
              />
            </Table.Td>
            <ActionsCell>
              <EditButton name={u.display_name} onClick={() => onEdit(u)} />
              {self ? (
                <Tooltip label={t('admin.users.notYourself')}>
                  <span>{control}</span>
                </Tooltip>
              ) : (
                control
              )}
            </ActionsCell>
          </Table.Tr>
        );
      }}
    </ItemsTable>
  );
}
