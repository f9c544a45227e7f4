// The approved case form (R-INTAKE-3): which fields staff and customers fill in, in what order,
// which are required, their labels in each language and their length. Saving approves a new
// version; cases already registered keep the version they were registered with.
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../api/types.ts';
import { pickText } from '../../../i18n/format.ts';
import { Data } from '../../../ui/UserText.tsx';
import { type AdminOrg, type FormField, useAdminChange, useAdminOrg } from '../api.ts';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '../icons.tsx';
import { AdminPage, QueryView } from '../shared/AdminPage.tsx';
import { FormModal } from '../shared/dialogs.tsx';
import { ItemsTable, NameCell, RemoveButton } from '../shared/lists.tsx';
import { allLanguages, LocalizedInputs, useLanguageOrder } from '../shared/localized.tsx';
import { SaveBar } from '../shared/SaveBar.tsx';
import { ErrorLine, FormError, fieldErrorsUnder } from '../shared/server-errors.tsx';

/** The fields the case model knows; anything else is a custom field ("custom.<name>"). */
const BUILT_IN = [
  'first_name',
  'last_name',
  'patronymic',
  'business_name',
  'phone',
  'email',
  'national_id',
  'account_id',
  'served_by',
  'subject',
  'description',
  'remedy_sought',
  'category',
  'service',
] as const;
const CUSTOM = '*custom';

type Row = FormField & { id: number };
let nextId = 1;
const toRows = (fields: FormField[]): Row[] =>
  fields.map(({ key, required, label, maxLength, options }) => ({
    id: nextId++,
    key,
    required,
    label: { ...label },
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(options ? { options } : {}),
  }));
const fingerprint = (rows: Row[]) => JSON.stringify(rows.map(({ id: _id, ...f }) => f));

export function FormFieldsPage() {
  const { t } = useTranslation();
  const org = useAdminOrg();
  return (
    <AdminPage title={t('admin.form.title')} description={t('admin.form.description')}>
      <QueryView query={org}>{(data) => <FormEditor form={data.form} />}</QueryView>
    </AdminPage>
  );
}

function FormEditor({ form }: { form: AdminOrg['form'] }) {
  const { t, i18n } = useTranslation();
  const { own } = useLanguageOrder();
  const baseline = useMemo(() => toRows(form.fields), [form]);
  const [rows, setRows] = useState(baseline);
  const [labelling, setLabelling] = useState<Row | null>(null);
  const [adding, setAdding] = useState(false);
  const sent = useRef<number[]>([]);
  const save = useAdminChange(
    (fields: Row[]) => ({
      method: 'PUT',
      path: '/api/v1/admin/form',
      body: {
        fields: fields.map(({ id: _id, label, options, ...f }) => ({
          ...f,
          label: allLanguages(label, own),
          ...(options
            ? { options: options.map((o) => ({ value: o.value, label: allLanguages(o.label, own) })) }
            : {}),
        })),
      },
    }),
    [['org']],
  );
  const dirty = fingerprint(rows) !== fingerprint(baseline);
  const update = (id: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const labelOf = (r: Row) => pickText(r.label, i18n.language) || r.key;

  // the dialogs stay outside the page's <form>: React would bubble their submit into it
  return (
    <>
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          sent.current = rows.map((r) => r.id);
          save.mutate(rows, { onSuccess: () => setRows(toRows(rows)) });
        }}
      >
        <Stack gap="md">
          <Group justify="space-between">
            <Badge variant="light" size="lg">
              {t('admin.form.version', { version: form.version })}
            </Badge>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('admin.form.addField')}
            </Button>
          </Group>
          <FormError error={save.error} shown={(f) => f.startsWith('fields.')} />
          <ItemsTable
            label={t('admin.form.fields')}
            minWidth={760}
            verticalSpacing={6}
            data-form-fields
            columns={[
              { label: t('admin.form.order'), w: 80 },
              t('admin.form.field'),
              { label: t('admin.form.required'), w: 120 },
              { label: t('admin.form.maxLength'), w: 150 },
              { label: t('admin.common.actions'), w: 150, hidden: true },
            ]}
            items={rows}
          >
            {(r, index) => {
              const i = sent.current.indexOf(r.id);
              const at = i >= 0 ? `fields.${i}` : null;
              const label = labelOf(r);
              return (
                <Table.Tr key={r.id} data-field={r.key}>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={index === 0}
                        aria-label={t('admin.form.moveUp', { field: label })}
                        onClick={() => move(index, -1)}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        disabled={index === rows.length - 1}
                        aria-label={t('admin.form.moveDown', { field: label })}
                        onClick={() => move(index, 1)}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                  <NameCell
                    name={label}
                    code={r.key}
                    detail={
                      r.options?.length ? (
                        <> · {t('admin.form.options', { count: r.options.length })}</>
                      ) : null
                    }
                  >
                    <ErrorLine>{at && fieldErrorsUnder(save.error, at)}</ErrorLine>
                  </NameCell>
                  <Table.Td>
                    <Switch
                      aria-label={t('admin.form.requiredOf', { field: label })}
                      checked={r.required}
                      onChange={(e) => update(r.id, { required: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={t('admin.form.maxLengthOf', { field: label })}
                      placeholder={t('admin.form.noLimit')}
                      value={r.maxLength ?? ''}
                      min={1}
                      max={20000}
                      allowDecimal={false}
                      onChange={(v) => update(r.id, { maxLength: v === '' ? undefined : Number(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setLabelling(r)}
                        aria-label={t('admin.form.editLabelOf', { field: label })}
                      >
                        {t('admin.form.label')}
                      </Button>
                      <RemoveButton
                        label={t('admin.form.remove', { field: label })}
                        onClick={() => setRows((rs) => rs.filter((x) => x.id !== r.id))}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            }}
          </ItemsTable>
          <Text size="sm" c="dimmed">
            {t('admin.form.approveHint')}
          </Text>
          <SaveBar
            dirty={dirty}
            save={save}
            saveLabel={t('admin.form.approve', { version: form.version + 1 })}
            onDiscard={() => setRows(baseline)}
          />
        </Stack>
      </form>
      {labelling && (
        <LabelForm
          row={labelling}
          onClose={() => setLabelling(null)}
          onDone={(label) => {
            update(labelling.id, { label });
            setLabelling(null);
          }}
        />
      )}
      {adding && (
        <AddField
          present={rows.map((r) => r.key)}
          onClose={() => setAdding(false)}
          onAdd={(field) => {
            setRows((rs) => [...rs, { id: nextId++, ...field }]);
            setAdding(false);
          }}
        />
      )}
    </>
  );
}

function LabelForm({
  row,
  onClose,
  onDone,
}: {
  row: Row;
  onClose: () => void;
  onDone: (label: LocalizedText) => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState<LocalizedText>({ ...row.label });
  return (
    <FormModal
      title={t('admin.form.labelTitle')}
      onClose={onClose}
      submitLabel={t('admin.common.apply')}
      pending={false}
      onSubmit={() => onDone(label)}
    >
      <Text size="sm" c="dimmed">
        <Data>{row.key}</Data>
      </Text>
      <LocalizedInputs legend={t('admin.form.label')} value={label} onChange={setLabel} required />
    </FormModal>
  );
}

function AddField({
  present,
  onClose,
  onAdd,
}: {
  present: string[];
  onClose: () => void;
  onAdd: (field: FormField) => void;
}) {
  const { t } = useTranslation();
  const free = BUILT_IN.filter((k) => !present.includes(k));
  const [key, setKey] = useState<string | null>(free[0] ?? CUSTOM);
  const [custom, setCustom] = useState('');
  const [label, setLabel] = useState<LocalizedText>({});
  const [required, setRequired] = useState(false);
  const fullKey = key === CUSTOM ? `custom.${custom.trim()}` : (key ?? '');
  const bad = key === CUSTOM && !/^[a-z0-9_]{1,60}$/.test(custom.trim());
  const clash = present.includes(fullKey);
  const [tried, setTried] = useState(false);
  return (
    <FormModal
      title={t('admin.form.addField')}
      onClose={onClose}
      submitLabel={t('admin.form.add')}
      pending={false}
      onSubmit={() => {
        setTried(true);
        if (!bad && !clash && key) onAdd({ key: fullKey, required, label });
      }}
    >
      <Select
        label={t('admin.form.field')}
        data={[
          ...free.map((k) => ({ value: k, label: t(`admin.form.keys.${k}`) })),
          { value: CUSTOM, label: t('admin.form.customField') },
        ]}
        value={key}
        onChange={setKey}
        allowDeselect={false}
        data-autofocus
      />
      {key === CUSTOM && (
        <TextInput
          label={t('admin.form.customKey')}
          description={t('admin.form.customKeyHint')}
          leftSection={
            <Text size="xs" translate="no">
              custom.
            </Text>
          }
          leftSectionWidth={64}
          value={custom}
          onChange={(e) => setCustom(e.currentTarget.value.toLowerCase())}
          dir="ltr"
          required
          error={
            tried &&
            (bad ? t('admin.form.customKeyInvalid') : clash ? t('admin.common.codeTaken') : undefined)
          }
        />
      )}
      <LocalizedInputs legend={t('admin.form.label')} value={label} onChange={setLabel} required />
      <Switch
        label={t('admin.form.required')}
        checked={required}
        onChange={(e) => setRequired(e.currentTarget.checked)}
      />
    </FormModal>
  );
}
