import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../api/types.ts';
import { pickText } from '../../../i18n/format.ts';
import { EmptyView } from '../../../ui/States.tsx';
import { Data } from '../../../ui/UserText.tsx';
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

type Service = AdminOrg['services'][number];

export function ServicesTab({ org }: { org: AdminOrg }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('admin.structure.servicesHint')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('admin.structure.newService')}
        </Button>
      </Group>
      {org.services.length === 0 ? (
        <EmptyView
          title={t('admin.structure.noServices')}
          description={t('admin.structure.noServicesHint')}
        />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" aria-label={t('admin.structure.services')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.common.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.services.map((s) => {
                const name = pickText(s.name, i18n.language);
                return (
                  <Table.Tr key={s.code} data-service={s.code}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        <Data>{name}</Data>
                      </Text>
                      <Text size="xs" c="dimmed">
                        <Data>{s.code}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={s.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => setEditing(s)}
                          aria-label={t('admin.common.editNamed', { name })}
                        >
                          {t('admin.common.edit')}
                        </Button>
                        <RetireControl
                          active={s.active}
                          path={`/api/v1/admin/services/${enc(s.code)}`}
                          stale={[['org']]}
                          title={t('admin.structure.retireService')}
                          message={t('admin.structure.retireServiceMessage', { name })}
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
        <ServiceForm
          service={editing === 'new' ? null : editing}
          taken={org.services.map((s) => s.code)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function ServiceForm({
  service,
  taken,
  onClose,
}: {
  service: Service | null;
  taken: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { own } = useLanguageOrder();
  const [code, setCode] = useState('');
  const [name, setName] = useState<LocalizedText>({ ...(service?.name ?? {}) });
  const save = useAdminChange(
    () =>
      service
        ? {
            method: 'PATCH',
            path: `/api/v1/admin/services/${enc(service.code)}`,
            body: { name: filledIn(name) },
          }
        : {
            method: 'POST',
            path: '/api/v1/admin/services',
            body: { code: code.trim(), name: allLanguages(name, own) },
          },
    [['org']],
  );
  const codeTaken = !service && taken.includes(code.trim());
  return (
    <FormModal
      title={service ? t('admin.structure.editService') : t('admin.structure.newService')}
      onClose={onClose}
      submitLabel={service ? t('admin.common.save') : t('admin.common.create')}
      pending={save.isPending}
      onSubmit={() => !codeTaken && save.mutate(undefined, { onSuccess: onClose })}
    >
      <FormError error={save.error} shown={(f) => /^(code|name)/.test(f)} />
      {!service && (
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
    </FormModal>
  );
}
