import { type ReactNode, useState } from 'react';
import type { LocalizedText } from '../../../api/types.ts';
import { enc, useAdminChange } from '../api.ts';
import { CodeInput, ItemFormModal } from '../shared/dialogs.tsx';
import { allLanguages, filledIn, NameInputs, useLanguageOrder } from '../shared/localized.tsx';
import { fieldError } from '../shared/server-errors.tsx';

/**
 * Creates or changes a department, category or service: a new one gets a code and its name in
 * all five languages (POST); a change sends only the languages typed (PATCH on its code). The
 * organisation is read again afterwards, so every screen sees the change.
 */
export function StructureItemForm({
  collection,
  item,
  taken,
  title,
  fields = [],
  body = () => ({}),
  onClose,
  children,
}: {
  collection: 'departments' | 'categories' | 'services';
  item: { code: string; name: LocalizedText } | null;
  /** the codes already in use */
  taken: string[];
  title: string;
  /** the settings besides code and name that `children` has inputs for */
  fields?: string[];
  /** those settings as sent when creating, or when changing */
  body?: (creating: boolean) => Record<string, unknown>;
  onClose: () => void;
  /** the inputs of those settings, given the server's refusal */
  children?: (error: unknown) => ReactNode;
}) {
  const { own } = useLanguageOrder();
  const [code, setCode] = useState('');
  const [name, setName] = useState<LocalizedText>({ ...(item?.name ?? {}) });
  const save = useAdminChange(
    () =>
      item
        ? {
            method: 'PATCH',
            path: `/api/v1/admin/${collection}/${enc(item.code)}`,
            body: { name: filledIn(name), ...body(false) },
          }
        : {
            method: 'POST',
            path: `/api/v1/admin/${collection}`,
            body: { code: code.trim(), name: allLanguages(name, own), ...body(true) },
          },
    [['org']],
  );
  const codeTaken = !item && taken.includes(code.trim());
  const shown = ['code', 'name', ...fields];
  return (
    <ItemFormModal
      title={title}
      creating={!item}
      save={save}
      shown={(f) => shown.some((s) => f.startsWith(s))}
      ready={() => !codeTaken}
      onClose={onClose}
    >
      {!item && (
        <CodeInput value={code} onChange={setCode} taken={codeTaken} error={fieldError(save.error, 'code')} />
      )}
      <NameInputs value={name} onChange={setName} error={save.error} />
      {children?.(save.error)}
    </ItemFormModal>
  );
}
