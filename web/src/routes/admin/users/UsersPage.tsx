// Staff accounts: add, change role, department or language, deactivate (their sessions end and
// their API tokens are revoked at once) or bring back.
import { Button, Group, SegmentedControl, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { IconSearch } from '../../../ui/icons.tsx';
import { EmptyView, ErrorState, LoadingState } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { type AdminUser, enc, useAdminUsers } from '../api.ts';
import { IconPencil, IconPlus } from '../icons.tsx';
import { RetireControl } from '../RetireControl.tsx';
import { ActiveBadge, AdminPage } from '../ui.tsx';
import { UserForm } from './UserForm.tsx';

type Show = 'active' | 'inactive' | 'all';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
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
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('admin.users.new')}
        </Button>
      }
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
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyView title={t('admin.users.empty')} />
      ) : (
        <UserTable items={items} onEdit={setEditing} />
      )}
      {editing && (
        <UserForm
          user={editing === 'new' ? null : editing}
          taken={(users.data ?? []).map((u) => u.email)}
          onClose={() => setEditing(null)}
        />
      )}
    </AdminPage>
  );
}

function UserTable({ items, onEdit }: { items: AdminUser[]; onEdit: (u: AdminUser) => void }) {
  const { t, i18n } = useTranslation();
  const { me, org } = useSession();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" aria-label={t('admin.users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.structure.department')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.language')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => {
            const self = u.id === me.user.id;
            const role = org.roles.find((r) => r.code === u.role_code);
            const department = org.departments.find((d) => d.id === u.department_id);
            const control = (
              <RetireControl
                active={u.active}
                path={`/api/v1/admin/users/${enc(u.id)}`}
                stale={[['users']]}
                title={t('admin.users.deactivateTitle')}
                message={t('admin.users.deactivateMessage', { name: u.display_name })}
                retireLabel={t('admin.users.deactivate')}
                disabled={self}
              />
            );
            return (
              <Table.Tr key={u.id} data-user={u.email}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    <Data>{u.display_name}</Data>
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Data>{u.email}</Data>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <Data>{role ? pickText(role.name, i18n.language) : u.role_code}</Data>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {department ? (
                      <Data>{pickText(department.name, i18n.language)}</Data>
                    ) : (
                      t('admin.users.noDepartment')
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`languageName.${u.locale}`, { defaultValue: u.locale })}</Text>
                </Table.Td>
                <Table.Td>
                  <ActiveBadge
                    active={u.active}
                    activeLabel={t('admin.users.showActive')}
                    inactiveLabel={t('admin.users.deactivated')}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => onEdit(u)}
                      aria-label={t('admin.common.editNamed', { name: u.display_name })}
                    >
                      {t('admin.common.edit')}
                    </Button>
                    {self ? (
                      <Tooltip label={t('admin.users.notYourself')}>
                        <span>{control}</span>
                      </Tooltip>
                    ) : (
                      control
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
