// Inboxes (the queue, hours, members and auto-reply) and the channels that feed them (transport
// and credentials), kept apart so a new channel reuses an inbox's routing (docs/channels.md).
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdminPage } from '../shared/AdminPage.tsx';
import { ChannelsTab } from './ChannelsTab.tsx';
import { InboxesTab } from './InboxesTab.tsx';

export function InboxesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'channels' ? 'channels' : 'inboxes';
  return (
    <AdminPage title={t('admin.inboxes.title')} description={t('admin.inboxes.description')}>
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="inboxes">{t('admin.inboxes.inboxes')}</Tabs.Tab>
          <Tabs.Tab value="channels">{t('admin.inboxes.channels')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inboxes" pt="md">
          <InboxesTab />
        </Tabs.Panel>
        <Tabs.Panel value="channels" pt="md">
          <ChannelsTab />
        </Tabs.Panel>
      </Tabs>
    </AdminPage>
  );
}
