import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView } from '../../../ui/States.tsx';
import { type AdminOrg, enc } from '../api.ts';
import { ItemsTable, ListTab, NameCell, StatusAndActions, useEditDialog } from '../shared/lists.tsx';
import { patchActive } from '../shared/RetireControl.tsx';
import { StructureItemForm } from './StructureItemForm.tsx';

type Service = AdminOrg['services'][number];

export function ServicesTab({ org }: { org: AdminOrg }) {
  const { t, i18n } = useTranslation();
  const dialog = useEditDialog<Service>();
  return (
    <ListTab
      hint={t('admin.structure.servicesHint')}
      newLabel={t('admin.structure.newService')}
      onNew={dialog.create}
    >
      <ItemsTable
        label={t('admin.structure.services')}
        minWidth={560}
        columns={[t('admin.common.name'), t('admin.common.status'), t('admin.common.actions')]}
        items={org.services}
        empty={
          <EmptyView
            title={t('admin.structure.noServices')}
            description={t('admin.structure.noServicesHint')}
          />
        }
      >
        {(s) => {
          const name = pickText(s.name, i18n.language);
          return (
            <Table.Tr key={s.code} data-service={s.code}>
              <NameCell name={name} code={s.code} />
              <StatusAndActions
                active={s.active}
                name={name}
                onEdit={() => dialog.edit(s)}
                retire={{
                  request: patchActive(`/api/v1/admin/services/${enc(s.code)}`),
                  stale: [['org']],
                  title: t('admin.structure.retireService'),
                  message: t('admin.structure.retireServiceMessage', { name }),
                }}
              />
            </Table.Tr>
          );
        }}
      </ItemsTable>
      {dialog.open && (
        <StructureItemForm
          collection="services"
          item={dialog.item}
          taken={org.services.map((s) => s.code)}
          title={dialog.item ? t('admin.structure.editService') : t('admin.structure.newService')}
          onClose={dialog.close}
        />
      )}
    </ListTab>
  );
}
