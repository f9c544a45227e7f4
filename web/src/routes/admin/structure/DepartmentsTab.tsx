import { Select, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../api/types.ts';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { type AdminOrg, enc, useAdminUsers } from '../api.ts';
import {
  ItemsTable,
  ListTab,
  NameCell,
  StatusAndActions,
  TextCell,
  useEditDialog,
} from '../shared/lists.tsx';
import { patchActive } from '../shared/RetireControl.tsx';
import { fieldError } from '../shared/server-errors.tsx';
import { StructureItemForm } from './StructureItemForm.tsx';

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
  const dialog = useEditDialog<Department>();
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.display_name;
  return (
    <ListTab
      hint={t('admin.structure.departmentsHint')}
      newLabel={t('admin.structure.newDepartment')}
      onNew={dialog.create}
    >
      <ItemsTable
        label={t('admin.structure.departments')}
        minWidth={720}
        columns={[
          t('admin.common.name'),
          t('admin.structure.kind'),
          t('admin.structure.lead'),
          t('admin.common.status'),
          t('admin.common.actions'),
        ]}
        items={org.departments}
        empty={<EmptyView title={t('admin.structure.noDepartments')} />}
      >
        {(d) => {
          const name = pickText(d.name, i18n.language);
          return (
            <Table.Tr key={d.code} data-department={d.code}>
              <NameCell name={name} code={d.code} />
              <TextCell>{t(`admin.structure.kinds.${d.kind}`, { defaultValue: d.kind })}</TextCell>
              <TextCell>
                {d.leadUserId ? <Data>{userName(d.leadUserId) ?? '…'}</Data> : t('admin.structure.noLead')}
              </TextCell>
              <StatusAndActions
                active={d.active}
                name={name}
                onEdit={() => dialog.edit(d)}
                retire={{
                  request: patchActive(`/api/v1/admin/departments/${enc(d.code)}`),
                  stale: [['org']],
                  title: t('admin.structure.retireDepartment'),
                  message: t('admin.structure.retireDepartmentMessage', { name }),
                }}
              />
            </Table.Tr>
          );
        }}
      </ItemsTable>
      {dialog.open && (
        <DepartmentForm
          department={dialog.item}
          taken={org.departments.map((d) => d.code)}
          onClose={dialog.close}
        />
      )}
    </ListTab>
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
  const users = useAdminUsers();
  const [kind, setKind] = useState(department?.kind ?? 'specialised');
  const [lead, setLead] = useState(department?.leadUserId ?? NO_LEAD);
  return (
    <StructureItemForm
      collection="departments"
      item={department}
      taken={taken}
      title={department ? t('admin.structure.editDepartment') : t('admin.structure.newDepartment')}
      fields={['kind', 'leadUserId']}
      body={(creating) =>
        creating
          ? { kind, ...(lead === NO_LEAD ? {} : { leadUserId: lead }) }
          : { leadUserId: lead === NO_LEAD ? null : lead }
      }
      onClose={onClose}
    >
      {(error) => (
        <>
          {!department && (
            <Select
              label={t('admin.structure.kind')}
              data={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`admin.structure.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v)}
              allowDeselect={false}
              error={fieldError(error, 'kind')}
            />
          )}
          <Select
            label={t('admin.structure.lead')}
            description={t('admin.structure.leadHint')}
            data={[
              { value: NO_LEAD, label: t('admin.structure.noLead') },
              ...(users.data ?? [])
                .filter((u) => u.active)
                .map((u) => ({ value: u.id, label: u.display_name })),
            ]}
            renderOption={renderDataOption}
            value={lead}
            onChange={(v) => setLead(v ?? NO_LEAD)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('admin.common.nothingFound')}
            error={fieldError(error, 'leadUserId')}
          />
        </>
      )}
    </StructureItemForm>
  );
}
