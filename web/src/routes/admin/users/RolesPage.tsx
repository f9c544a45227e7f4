// The permission matrix: what each role may do. The administrator's role keeps every permission
// (the server refuses less), so nobody can lock the organisation out of its own settings.
import { Checkbox, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { pickText } from '../../../i18n/format.ts';
import { Data } from '../../../ui/UserText.tsx';
import { enc, type RolesAnswer, useRoles } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { SaveBar } from '../shared/SaveBar.tsx';
import { FormError } from '../shared/server-errors.tsx';

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  return (
    <AdminPage title={t('admin.roles.title')} description={t('admin.roles.description')}>
      <QueryView query={roles}>{(data) => <RoleMatrix data={data} />}</QueryView>
    </AdminPage>
  );
}

type Grants = Record<string, string[]>;

// the permission names stay in view while the roles scroll sideways
const STICKY_START = {
  position: 'sticky',
  insetInlineStart: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
} as const;

function RoleMatrix({ data }: { data: RolesAnswer }) {
  const { t, i18n } = useTranslation();
  const saved = useMemo<Grants>(
    () =>
      Object.fromEntries(
        data.items.map((r) => [r.code, data.permissions.filter((p) => r.permissions.includes(p))]),
      ),
    [data],
  );
  const [grants, setGrants] = useState(saved);
  const changed = data.items.filter((r) => grants[r.code]!.join() !== saved[r.code]!.join());
  const client = useQueryClient();
  // one PUT per role that changed, in turn: a refusal stops at the role it concerns
  const save = useMutation({
    mutationFn: async (roles: string[]) => {
      for (const code of roles) {
        await api(`/api/v1/admin/roles/${enc(code)}`, {
          method: 'PUT',
          body: { permissions: grants[code]! },
        });
      }
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['admin', 'roles'] }),
        client.invalidateQueries({ queryKey: ['org'] }),
      ]),
  });
  const toggle = (role: string, permission: string, on: boolean) =>
    setGrants((g) => ({
      ...g,
      [role]: data.permissions.filter((p) => (p === permission ? on : g[role]!.includes(p))),
    }));

  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (changed.length) save.mutate(changed.map((r) => r.code));
      }}
    >
      <Stack gap="md">
        <FormError error={save.error} />
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing={6} withColumnBorders aria-label={t('admin.roles.matrix')} data-roles>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" miw={220} style={STICKY_START}>
                  {t('admin.roles.permission')}
                </Table.Th>
                {data.items.map((r) => (
                  <Table.Th key={r.code} scope="col" ta="center" fz="xs" data-role={r.code}>
                    <Data>{pickText(r.name, i18n.language)}</Data>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.permissions.map((p) => (
                <Table.Tr key={p}>
                  <Table.Th scope="row" fw={500} style={STICKY_START}>
                    <Text size="sm">
                      {t(`admin.roles.permissions.${p.replaceAll(':', '_')}`, { defaultValue: p })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <Data>{p}</Data>
                    </Text>
                  </Table.Th>
                  {data.items.map((r) => {
                    const locked = r.code === 'administrator';
                    const box = (
                      <Checkbox
                        aria-label={t('admin.roles.grant', {
                          role: pickText(r.name, i18n.language),
                          permission: t(`admin.roles.permissions.${p.replaceAll(':', '_')}`, {
                            defaultValue: p,
                          }),
                        })}
                        checked={grants[r.code]!.includes(p)}
                        disabled={locked}
                        onChange={(e) => toggle(r.code, p, e.currentTarget.checked)}
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    );
                    return (
                      <Table.Td key={r.code} ta="center">
                        {locked ? (
                          <Tooltip label={t('admin.roles.adminLocked')}>
                            <span style={{ display: 'inline-block' }}>{box}</span>
                          </Tooltip>
                        ) : (
                          box
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <SaveBar dirty={changed.length > 0} save={save} onDiscard={() => setGrants(saved)} />
      </Stack>
    </form>
  );
}
