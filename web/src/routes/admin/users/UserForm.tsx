import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { pickText } from '../../../i18n/format.ts';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { renderDataOption } from '../../../ui/UserText.tsx';
import { type AdminUser, enc, useAdminChange } from '../api.ts';
import { departmentOptions } from '../shared/departments.tsx';
import { ItemFormModal } from '../shared/dialogs.tsx';
import { AUTO_DIR } from '../shared/localized.tsx';
import { fieldError } from '../shared/server-errors.tsx';

// not a possible department code, so it cannot clash with a real option
const NONE = '*';

export function UserForm({
  user,
  taken,
  onClose,
}: {
  user: AdminUser | null;
  taken: string[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { me, org } = useSession();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState(user?.display_name ?? '');
  const [role, setRole] = useState<string | null>(user?.role_code ?? 'agent');
  const [department, setDepartment] = useState(
    org.departments.find((d) => d.id === user?.department_id)?.code ?? NONE,
  );
  const [locale, setLocale] = useState<Locale>(user?.locale ?? org.defaultLocale);
  const [password, setPassword] = useState('');
  const save = useAdminChange(
    () =>
      user
        ? {
            method: 'PATCH',
            path: `/api/v1/admin/users/${enc(user.id)}`,
            body: {
              displayName: displayName.trim(),
              ...(role ? { role } : {}),
              department: department === NONE ? null : department,
              locale,
            },
          }
        : {
            method: 'POST',
            path: '/api/v1/admin/users',
            body: {
              email: email.trim(),
              displayName: displayName.trim(),
              ...(role ? { role } : {}),
              ...(department === NONE ? {} : { department }),
              locale,
              password,
            },
          },
    [['users']],
  );
  const emailTaken = !user && taken.includes(email.trim().toLowerCase());
  const self = user?.id === me.user.id;
  return (
    <ItemFormModal
      title={user ? t('admin.users.edit') : t('admin.users.new')}
      creating={!user}
      save={save}
      shown={(f) => /^(email|displayName|role|department|locale|password)/.test(f)}
      ready={() => !emailTaken}
      onClose={onClose}
    >
      {!user && (
        <TextInput
          label={t('admin.users.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
          dir="ltr"
          data-autofocus
          autoComplete="off"
          error={emailTaken ? t('admin.users.emailTaken') : fieldError(save.error, 'email')}
        />
      )}
      <TextInput
        label={t('admin.users.name')}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        required
        styles={AUTO_DIR}
        error={fieldError(save.error, 'displayName')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('admin.users.role')}
          description={self ? t('admin.users.notYourself') : undefined}
          data={org.roles.map((r) => ({ value: r.code, label: pickText(r.name, i18n.language) }))}
          renderOption={renderDataOption}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          required
          disabled={self}
          error={fieldError(save.error, 'role')}
        />
        <Select
          label={t('admin.structure.department')}
          data={[
            { value: NONE, label: t('admin.users.noDepartment') },
            ...departmentOptions(org.departments, department, i18n.language),
          ]}
          renderOption={renderDataOption}
          value={department}
          onChange={(v) => setDepartment(v ?? NONE)}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('admin.common.nothingFound')}
          error={fieldError(save.error, 'department')}
        />
      </SimpleGrid>
      <Select
        label={t('admin.users.language')}
        description={t('admin.users.languageHint')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`languageName.${l}`) }))}
        value={locale}
        onChange={(v) => v && setLocale(v as Locale)}
        allowDeselect={false}
        error={fieldError(save.error, 'locale')}
      />
      {!user && (
        <PasswordInput
          label={t('admin.users.password')}
          description={t('admin.users.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('admin.common.showSecret') }}
          error={fieldError(save.error, 'password')}
        />
      )}
    </ItemFormModal>
  );
}
