import { Button, Group, Kbd, Select, type SelectProps, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CASE_TYPES, CHANNELS, PRIORITIES } from '../../features/cases/lifecycle.ts';
import type { CaseFilters as Filters, QueueId } from '../../features/cases/queues.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { pickText } from '../../i18n/format.ts';
import { IconSearch, IconX } from '../../ui/icons.tsx';

/** A clearable filter whose clear button says what it does, in the UI language. */
function FilterSelect(props: SelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      placeholder={t('filters.any')}
      clearable
      clearButtonProps={{ 'aria-label': t('filters.clearField', { field: props.label }) }}
      {...props}
    />
  );
}

interface Props {
  queue: QueueId;
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
  canClear: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function CaseFilters({ queue, filters, onChange, onClear, canClear, searchRef }: Props) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const [text, setText] = useState(filters.q);
  const pushSearch = useDebouncedCallback((q: string) => onChange({ q }), 350);
  // the address changed (back button, "clear filters"): show what it says
  useEffect(() => setText(filters.q), [filters.q]);

  const caseTypes = CASE_TYPES.filter((type) => org.settings.caseTypes?.[type]?.enabled !== false);
  const channels = (org.settings.channels?.length ? org.settings.channels : [...CHANNELS]).filter(Boolean);
  // an organisation may rename its case types (R-INTAKE-1); those names are its data
  const orgTypeName = (type: string) => pickText(org.settings.caseTypes?.[type]?.name, i18n.language);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        type="search"
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">/</Kbd>}
        rightSectionPointerEvents="none"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          pushSearch(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange({ q: text });
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        miw={240}
        style={{ flex: '1 1 240px' }}
      />
      {queue !== 'unassigned' && (
        <Select
          label={t('filters.status')}
          value={filters.status}
          onChange={(v) => onChange({ status: v ?? 'open' })}
          allowDeselect={false}
          data={[
            { value: 'open', label: t('filters.openStatuses') },
            { value: 'any', label: t('filters.anyStatus') },
            ...CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          w={180}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <FilterSelect
        label={t('filters.type')}
        value={filters.type || null}
        onChange={(v) => onChange({ type: v ?? '' })}
        data={caseTypes.map((type) => ({ value: type, label: orgTypeName(type) || t(`type.${type}`) }))}
        renderOption={({ option }) =>
          orgTypeName(option.value) ? <span translate="no">{option.label}</span> : option.label
        }
        w={160}
      />
      <FilterSelect
        label={t('filters.priority')}
        value={filters.priority || null}
        onChange={(v) => onChange({ priority: v ?? '' })}
        data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        w={130}
      />
      <FilterSelect
        label={t('filters.channel')}
        value={filters.channel || null}
        onChange={(v) => onChange({ channel: v ?? '' })}
        data={channels.map((c) => ({ value: c, label: t(`channel.${c}`, { defaultValue: c }) }))}
        w={170}
      />
      {canClear && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={onClear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
