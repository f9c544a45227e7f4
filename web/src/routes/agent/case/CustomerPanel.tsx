// Who the case is from. Contacts stay masked here (R-REC-3: personal data is masked until the
// caller's identity is verified), so the panel shows only what the case view carries.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../api/types.ts';
import { IconUser } from '../../../ui/icons.tsx';
import { Data, UserText } from '../../../ui/UserText.tsx';
import { customerName } from './customer-name.ts';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export function CustomerPanel({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const name = customerName(c.customer);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="customer-heading">
      <Stack gap="sm">
        <Group gap="xs">
          <IconUser />
          <Title order={2} size="h4" id="customer-heading">
            {t('customer.title')}
          </Title>
        </Group>
        <UserText fw={600} size="lg">
          {name || t('customer.unnamed')}
        </UserText>
        <Group gap={6}>
          <Badge variant="light" color="gray">
            {t(`customer.kind.${c.customer.kind}`, { defaultValue: c.customer.kind })}
          </Badge>
          {c.customer.segment === 'business_owner' && (
            <Badge variant="light" color="grape">
              {t('customer.segment.business_owner')}
            </Badge>
          )}
        </Group>
        <Field label={t('customer.phone')}>
          {c.customer.phoneMasked ? <Data>{c.customer.phoneMasked}</Data> : t('customer.none')}
        </Field>
        <Field label={t('customer.language')}>
          {t(`languageName.${c.locale}`, { defaultValue: c.locale })}
        </Field>
      </Stack>
    </Paper>
  );
}
