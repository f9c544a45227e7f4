// Departments (queues), the categories that route cases to them, and the service catalogue.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAdminOrg } from '../api.ts';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { CategoriesTab } from './CategoriesTab.tsx';
import { DepartmentsTab } from './DepartmentsTab.tsx';
import { ServicesTab } from './ServicesTab.tsx';

const TABS = ['departments', 'categories', 'services'] as const;
type Tab = (typeof TABS)[number];

export function StructurePage() {
  const { t } = useTranslation();
  const org = useAdminOrg();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'departments';
  return (
    <AdminPage title={t('admin.structure.title')} description={t('admin.structure.description')}>
      <QueryView query={org}>
        {(data) => (
          <Tabs
            value={tab}
            onChange={(v) => v && setParams({ tab: v }, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List>
              {TABS.map((id) => (
                <Tabs.Tab key={id} value={id}>
                  {t(`admin.structure.${id}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="departments" pt="md">
              <DepartmentsTab org={data} />
            </Tabs.Panel>
            <Tabs.Panel value="categories" pt="md">
              <CategoriesTab org={data} />
            </Tabs.Panel>
            <Tabs.Panel value="services" pt="md">
              <ServicesTab org={data} />
            </Tabs.Panel>
          </Tabs>
        )}
      </QueryView>
    </AdminPage>
  );
}
