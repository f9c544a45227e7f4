import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, LocalizedText } from '../../../api/types.ts';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { type AdminOrg, enc, useAdminChange, useAdminUsers } from '../api.ts';
import { IconPencil, IconPlus } from '../icons.tsx';
import { RetireControl } from '../RetireControl.tsx';
import {
  ActiveBadge,
  allLanguages,
  FormError,
  FormModal,
  fieldError,
  filledIn,
  LocalizedInputs,
  useLanguageOrder,
} from '../ui.tsx';

export const DEPARTMENT_KINDS = [
  'contact_centre',
  'specialised',
  'field',
  'finance',
  'quality',
  'management',
] as const;
// not a possible id or code, so it cannot clash with a real option
const NO_LEAD = '*';

export function DepartmentsTab({ org }: { org: AdminOrg }) {
  const { t, i18n } = useTranslation();
  const users = useAdminUsers();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.display_name;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('admin.structure.departmentsHint')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('admin.structure.newDepartment')}
        </Button>
      </Group>
      {org.departments.length === 0 ? (
        <EmptyView title={t('admin.structure.noDepartments')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label={t('admin.structure.departments')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.common.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.structure.kind')}</Table.Th>
                <Table.Th scope="col">{t('admin.structure.lead')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.departments.map((d) => {
                const name = pickText(d.name, i18n.language);
                return (
                  <Table.Tr key={d.code} data-department={d.code}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        <Data>{name}</Data>
                      </Text>
                      <Text size="xs" c="dimmed">
                        <Data>{d.code}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`admin.structure.kinds.${d.kind}`, { defaultValue: d.kind })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {d.leadUserId ? (
                          <Data>{userName(d.leadUserId) ?? '…'}</Data>
                        ) : (
                          t('admin.structure.noLead')
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={d.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => setEditing(d)}
                          aria-label={t('admin.common.editNamed', { name })}
                        >
                          {t('admin.common.edit')}
                        </Button>
                        <RetireControl
                          active={d.active}
                          path={`/api/v1/admin/departments/${enc(d.code)}`}
                          stale={[['org']]}
                          title={t('admin.structure.retireDepartment')}
                          message={t('admin.structure.retireDepartmentMessage', { name })}
                        />
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
        <DepartmentForm
          department={editing === 'new' ? null : editing}
          taken={org.departments.map((d) => d.code)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function DepartmentForm({
  department,
  taken,
  onClose,
}: {
  department: Department | null;
  taken: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { own } = useLanguageOrder();
  const users = useAdminUsers();
  const [code, setCode] = useState('');
  const [name, setName] = useState<LocalizedText>({ ...(department?.name ?? {}) });
  const [kind, setKind] = useState(department?.kind ?? 'specialised');
  const [lead, setLead] = useState(department?.leadUserId ?? NO_LEAD);
  const save = useAdminChange(
    () =>
      department
        ? {
            method: 'PATCH',
            path: `/api/v1/admin/departments/${enc(department.code)}`,
            body: { name: filledIn(name), leadUserId: lead === NO_LEAD ? null : lead },
          }
        : {
            method: 'POST',
            path: '/api/v1/admin/departments',
            body: {
              code: code.trim(),
              name: allLanguages(name, own),
              kind,
              ...(lead === NO_LEAD ? {} : { leadUserId: lead }),
            },
          },
    [['org']],
  );
  const codeTaken = !department && taken.includes(code.trim());
  return (
    <FormModal
      title={department ? t('admin.structure.editDepartment') : t('admin.structure.newDepartment')}
      onClose={onClose}
      submitLabel={department ? t('admin.common.save') : t('admin.common.create')}
      pending={save.isPending}
      onSubmit={() => !codeTaken && save.mutate(undefined, { onSuccess: onClose })}
    >
      <FormError error={save.error} shown={(f) => /^(code|name|kind|leadUserId)/.test(f)} />
      {!department && (
        <TextInput
          label={t('admin.common.code')}
          description={t('admin.common.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.toLowerCase())}
          required
          dir="ltr"
          data-autofocus
          error={codeTaken ? t('admin.common.codeTaken') : fieldError(save.error, 'code')}
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
      {!department && (
        <Select
          label={t('admin.structure.kind')}
          data={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`admin.structure.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
          error={fieldError(save.error, 'kind')}
        />
      )}
      <Select
        label={t('admin.structure.lead')}
        description={t('admin.structure.leadHint')}
        data={[
          { value: NO_LEAD, label: t('admin.structure.noLead') },
          ...(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.display_name })),
        ]}
        renderOption={renderDataOption}
        value={lead}
        onChange={(v) => setLead(v ?? NO_LEAD)}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('admin.common.nothingFound')}
        error={fieldError(save.error, 'leadUserId')}
      />
    </FormModal>
  );
}
