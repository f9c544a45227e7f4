import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../api/types.ts';
import { pickText } from '../../../i18n/format.ts';
import { renderDataOption } from '../../../ui/UserText.tsx';

/** A select's departments: the active ones, and the one already chosen even if since retired. */
export function departmentOptions(departments: Department[], chosen: string | null, language: string) {
  return departments
    .filter((d) => d.active || d.code === chosen)
    .map((d) => ({ value: d.code, label: pickText(d.name, language) }));
}

/** The department a category or an inbox sends its cases to (by code, required). */
export function DepartmentSelect({
  label,
  description,
  departments,
  value,
  onChange,
  error,
}: {
  label: string;
  description: string;
  departments: Department[];
  value: string | null;
  onChange: (code: string | null) => void;
  error: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      label={label}
      description={description}
      data={departmentOptions(departments, value, i18n.language)}
      renderOption={renderDataOption}
      value={value}
      onChange={onChange}
      required
      searchable
      nothingFoundMessage={t('admin.common.nothingFound')}
      error={error}
    />
  );
}
