import { Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../api/types.ts';
import { pickText } from '../../../i18n/format.ts';
import { PriorityBadge } from '../../../ui/Badges.tsx';
import { EmptyView } from '../../../ui/States.tsx';
import { Data, renderDataOption } from '../../../ui/UserText.tsx';
import { type AdminOrg, enc, useAdminChange } from '../api.ts';
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

type Category = AdminOrg['categories'][number];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export function CategoriesTab({ org }: { org: AdminOrg }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const department = (id: string) => org.departments.find((d) => d.id === id);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('admin.structure.categoriesHint')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('admin.structure.newCategory')}
        </Button>
      </Group>
      {org.categories.length === 0 ? (
        <EmptyView title={t('admin.structure.noCategories')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('admin.structure.categories')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.common.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.structure.routesTo')}</Table.Th>
                <Table.Th scope="col">{t('admin.structure.defaultPriority')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.categories.map((c) => {
                const name = pickText(c.name, i18n.language);
                return (
                  <Table.Tr key={c.code} data-category={c.code}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          <Data>{name}</Data>
                        </Text>
                        {c.healthOrSafety && (
                          <Badge color="red" variant="light" size="sm">
                            {t('admin.structure.healthOrSafety')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        <Data>{c.code}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <Data>{pickText(department(c.departmentId)?.name, i18n.language)}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <PriorityBadge priority={c.defaultPriority} />
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
                          aria-label={t('admin.common.editNamed', { name })}
                        >
                          {t('admin.common.edit')}
                        </Button>
                        <RetireControl
                          active={c.active}
                          path={`/api/v1/admin/categories/${enc(c.code)}`}
                          stale={[['org']]}
                          title={t('admin.structure.retireCategory')}
                          message={t('admin.structure.retireCategoryMessage', { name })}
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
        <CategoryForm
          org={org}
          category={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
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
  const { t, i18n } = useTranslation();
  const { own } = useLanguageOrder();
  const [code, setCode] = useState('');
  const [name, setName] = useState<LocalizedText>({ ...(category?.name ?? {}) });
  const [department, setDepartment] = useState<string | null>(
    org.departments.find((d) => d.id === category?.departmentId)?.code ?? null,
  );
  const [priority, setPriority] = useState(category?.defaultPriority ?? 'normal');
  const [healthOrSafety, setHealthOrSafety] = useState(category?.healthOrSafety ?? false);
  const save = useAdminChange(
    () =>
      category
        ? {
            method: 'PATCH',
            path: `/api/v1/admin/categories/${enc(category.code)}`,
            body: {
              name: filledIn(name),
              department: department ?? undefined,
              defaultPriority: priority,
              healthOrSafety,
            },
          }
        : {
            method: 'POST',
            path: '/api/v1/admin/categories',
            body: {
              code: code.trim(),
              name: allLanguages(name, own),
              department: department ?? '',
              defaultPriority: priority,
              healthOrSafety,
            },
          },
    [['org']],
  );
  const codeTaken = !category && org.categories.some((c) => c.code === code.trim());
  return (
    <FormModal
      title={category ? t('admin.structure.editCategory') : t('admin.structure.newCategory')}
      onClose={onClose}
      submitLabel={category ? t('admin.common.save') : t('admin.common.create')}
      pending={save.isPending}
      onSubmit={() => !codeTaken && save.mutate(undefined, { onSuccess: onClose })}
    >
      <FormError error={save.error} shown={(f) => /^(code|name|department|defaultPriority)/.test(f)} />
      {!category && (
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
      <Select
        label={t('admin.structure.routesTo')}
        description={t('admin.structure.routesToHint')}
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
        label={t('admin.structure.defaultPriority')}
        data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={priority}
        onChange={(v) => v && setPriority(v)}
        allowDeselect={false}
        error={fieldError(save.error, 'defaultPriority')}
      />
      <Switch
        label={t('admin.structure.healthOrSafety')}
        description={t('admin.structure.healthOrSafetyHint')}
        checked={healthOrSafety}
        onChange={(e) => setHealthOrSafety(e.currentTarget.checked)}
      />
    </FormModal>
  );
}
