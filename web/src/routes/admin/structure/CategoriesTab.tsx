import { Badge, Select, Switch, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../i18n/format.ts';
import { PriorityBadge } from '../../../ui/Badges.tsx';
import { EmptyView } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
import { type AdminOrg, enc } from '../api.ts';
import { DepartmentSelect } from '../shared/departments.tsx';
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

type Category = AdminOrg['categories'][number];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export function CategoriesTab({ org }: { org: AdminOrg }) {
  const { t, i18n } = useTranslation();
  const dialog = useEditDialog<Category>();
  const department = (id: string) => org.departments.find((d) => d.id === id);
  return (
    <ListTab
      hint={t('admin.structure.categoriesHint')}
      newLabel={t('admin.structure.newCategory')}
      onNew={dialog.create}
    >
      <ItemsTable
        label={t('admin.structure.categories')}
        minWidth={760}
        columns={[
          t('admin.common.name'),
          t('admin.structure.routesTo'),
          t('admin.structure.defaultPriority'),
          t('admin.common.status'),
          t('admin.common.actions'),
        ]}
        items={org.categories}
        empty={<EmptyView title={t('admin.structure.noCategories')} />}
      >
        {(c) => {
          const name = pickText(c.name, i18n.language);
          return (
            <Table.Tr key={c.code} data-category={c.code}>
              <NameCell
                name={name}
                code={c.code}
                badge={
                  c.healthOrSafety && (
                    <Badge color="red" variant="light" size="sm">
                      {t('admin.structure.healthOrSafety')}
                    </Badge>
                  )
                }
              />
              <TextCell>
                <Data>{pickText(department(c.departmentId)?.name, i18n.language)}</Data>
              </TextCell>
              <Table.Td>
                <PriorityBadge priority={c.defaultPriority} />
              </Table.Td>
              <StatusAndActions
                active={c.active}
                name={name}
                onEdit={() => dialog.edit(c)}
                retire={{
                  request: patchActive(`/api/v1/admin/categories/${enc(c.code)}`),
                  stale: [['org']],
                  title: t('admin.structure.retireCategory'),
                  message: t('admin.structure.retireCategoryMessage', { name }),
                }}
              />
            </Table.Tr>
          );
        }}
      </ItemsTable>
      {dialog.open && <CategoryForm org={org} category={dialog.item} onClose={dialog.close} />}
    </ListTab>
  );
}

function CategoryForm({
  org,
  category,
  onClose,
}: {
  org: AdminOrg;
  category: Category | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [department, setDepartment] = useState<string | null>(
    org.departments.find((d) => d.id === category?.departmentId)?.code ?? null,
  );
  const [priority, setPriority] = useState(category?.defaultPriority ?? 'normal');
  const [healthOrSafety, setHealthOrSafety] = useState(category?.healthOrSafety ?? false);
  return (
    <StructureItemForm
      collection="categories"
      item={category}
      taken={org.categories.map((c) => c.code)}
      title={category ? t('admin.structure.editCategory') : t('admin.structure.newCategory')}
      fields={['department', 'defaultPriority']}
      body={(creating) => ({
        department: department ?? (creating ? '' : undefined),
        defaultPriority: priority,
        healthOrSafety,
      })}
      onClose={onClose}
    >
      {(error) => (
        <>
          <DepartmentSelect
            label={t('admin.structure.routesTo')}
            description={t('admin.structure.routesToHint')}
            departments={org.departments}
            value={department}
            onChange={setDepartment}
            error={fieldError(error, 'department')}
          />
          <Select
            label={t('admin.structure.defaultPriority')}
            data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            value={priority}
            onChange={(v) => v && setPriority(v)}
            allowDeselect={false}
            error={fieldError(error, 'defaultPriority')}
          />
          <Switch
            label={t('admin.structure.healthOrSafety')}
            description={t('admin.structure.healthOrSafetyHint')}
            checked={healthOrSafety}
            onChange={(e) => setHealthOrSafety(e.currentTarget.checked)}
          />
        </>
      )}
    </StructureItemForm>
  );
}
