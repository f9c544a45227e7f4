// Pieces every administration screen shares: the page frame, text in several languages, the
// confirmation before retiring something, the save bar, and the server's field errors.
import {
  Alert,
  Button,
  Collapse,
  Fieldset,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  type TextProps,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Locale, LocalizedText } from '../../api/types.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { LANGUAGES } from '../../i18n/languages.ts';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import { ErrorText, ServerText } from '../../ui/States.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';

export function AdminPage({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" maw={720}>
              {description}
            </Text>
          )}
        </div>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// Server errors

type ServerField = { field: string; message: string; params?: { problem?: string } };

export function serverFields(error: unknown): ServerField[] {
  return error instanceof ApiError ? (error.fields as ServerField[]) : [];
}

/** The server's message for a field, for an input's `error` prop (first of the names that has one). */
export function fieldError(error: unknown, ...names: string[]): ReactNode {
  for (const name of names) {
    const f = serverFields(error).find((x) => x.field === name);
    if (f) return <ServerText>{f.message}</ServerText>;
  }
  return undefined;
}

/** Messages for a field and everything under it (`week.mon` also gets `week.mon[0]`). */
export function fieldErrorsUnder(error: unknown, prefix: string): ReactNode {
  const found = serverFields(error).filter(
    (f) => f.field === prefix || f.field.startsWith(`${prefix}.`) || f.field.startsWith(`${prefix}[`),
  );
  if (!found.length) return undefined;
  return <ServerText>{found.map((f) => f.message).join(' ')}</ServerText>;
}

/**
 * The form-level alert: the server's summary, plus the field messages no input of the form shows
 * (`shown` says which fields have an input), so nothing the server said is lost.
 */
export function FormError({
  error,
  shown = () => false,
}: {
  error: unknown;
  shown?: (field: string) => boolean;
}) {
  if (!error) return null;
  const rest = serverFields(error).filter((f) => !shown(f.field));
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
      <ErrorText error={error} />
      {rest.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {rest.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              <ServerText>{f.message}</ServerText>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

// ---------------------------------------------------------------------------------------------
// Text in several languages

/**
 * For inputs holding text in any language: each line takes the direction of its own text.
 * (Mantine puts `dir` on the input's wrapper, where "auto" cannot see what is typed.)
 */
export const AUTO_DIR = { input: { unicodeBidi: 'plaintext', textAlign: 'start' } } as const;

/**
 * Text in a known language that is data, not UI (a rendered message, a template): its own
 * direction and language tag, left alone by translation tools.
 */
export function LocalText({
  lang,
  component = 'span',
  ...props
}: TextProps & { lang: string; component?: 'span' | 'div'; children: ReactNode; className?: string } & Record<
    `data-${string}`,
    unknown
  >) {
  return <Text component={component} lang={lang} dir="auto" translate="no" {...props} />;
}

/** The organisation's languages first, then the others (a name may exist in all five). */
export function useLanguageOrder(): { own: Locale[]; others: Locale[] } {
  const { org } = useSession();
  const own = [org.defaultLocale, ...org.locales.filter((l) => l !== org.defaultLocale)];
  return { own, others: LANGUAGES.filter((l) => !own.includes(l)) };
}

export function LocalizedInputs({
  legend,
  value,
  onChange,
  error,
  field,
  required,
  multiline,
}: {
  legend: string;
  value: LocalizedText;
  onChange: (next: LocalizedText) => void;
  error?: unknown;
  /** the server's name for this text, e.g. "name": its errors arrive as "name" or "name.az" */
  field?: string;
  required?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const { own, others } = useLanguageOrder();
  // other languages open by themselves when they already hold text
  const [more, setMore] = useState(() => others.some((l) => value[l]));
  const input = (lng: Locale) => {
    const props = {
      label: t(`languageName.${lng}`),
      lang: lng,
      styles: AUTO_DIR,
      // the organisation's own words, not UI text
      translate: 'no' as const,
      value: value[lng] ?? '',
      required: required && lng === own[0],
      error: field ? fieldError(error, `${field}.${lng}`) : undefined,
      onChange: (e: { currentTarget: { value: string } }) =>
        onChange({ ...value, [lng]: e.currentTarget.value }),
    };
    return multiline ? (
      <Textarea key={lng} autosize minRows={2} {...props} />
    ) : (
      <TextInput key={lng} {...props} />
    );
  };
  return (
    <Fieldset legend={legend} variant="filled" p="sm">
      <Stack gap="xs">
        {field && fieldError(error, field) && (
          <Text size="sm" c="red.8">
            {fieldError(error, field)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: multiline ? 1 : Math.min(own.length, 3) }} spacing="xs">
          {own.map(input)}
        </SimpleGrid>
        {others.length > 0 && (
          <>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => setMore((m) => !m)}
              aria-expanded={more}
              style={{ alignSelf: 'flex-start' }}
            >
              {more ? t('admin.common.fewerLanguages') : t('admin.common.moreLanguages')}
            </Button>
            <Collapse expanded={more}>
              <SimpleGrid cols={{ base: 1, sm: multiline ? 1 : Math.min(others.length, 3) }} spacing="xs">
                {others.map(input)}
              </SimpleGrid>
            </Collapse>
          </>
        )}
      </Stack>
    </Fieldset>
  );
}

/** Only the languages that hold text (the admin API refuses empty names and keeps the rest). */
export function filledIn(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries(text)
      .map(([k, v]) => [k, v?.trim()] as const)
      .filter(([, v]) => v),
  );
}

/**
 * All five languages, as the create endpoints and the form require: a language left empty reads
 * the organisation's default language rather than showing nothing.
 */
export function allLanguages(text: LocalizedText, fallbackOrder: Locale[]): Record<Locale, string> {
  const filled = filledIn(text);
  const fallback = fallbackOrder.map((l) => filled[l]).find(Boolean) ?? Object.values(filled)[0] ?? '';
  return Object.fromEntries(LANGUAGES.map((l) => [l, filled[l] ?? fallback])) as Record<Locale, string>;
}

// ---------------------------------------------------------------------------------------------
// Dialogs and saving

/** A modal form: fields, the server's errors, Cancel and the submit button. */
export function FormModal({
  title,
  opened = true,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  children,
  size = 'lg',
}: {
  title: string;
  opened?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  children: ReactNode;
  size?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('admin.common.cancel') }}
    >
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Are you sure?" before retiring or removing something; the server's refusal shows inside. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  error,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('admin.common.cancel') }}
    >
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('admin.common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Save / discard for a page-sized form, with a quiet "saved" once the server accepted it. */
export function SaveBar({
  dirty,
  pending,
  saved,
  onDiscard,
  saveLabel,
}: {
  dirty: boolean;
  pending: boolean;
  saved: boolean;
  onDiscard: () => void;
  saveLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button type="submit" loading={pending} disabled={!dirty}>
        {saveLabel ?? t('admin.common.save')}
      </Button>
      <Button variant="default" onClick={onDiscard} disabled={!dirty || pending}>
        {t('admin.common.discard')}
      </Button>
      <Text size="sm" c="teal.9" role="status" aria-live="polite">
        {saved && !dirty ? (
          <>
            <IconCheck size={16} style={{ verticalAlign: 'middle', marginInlineEnd: 4 }} />
            {t('admin.common.saved')}
          </>
        ) : dirty ? (
          t('admin.common.unsaved')
        ) : null}
      </Text>
    </Group>
  );
}

/** An "active / retired" marker for lists. */
export function ActiveBadge({
  active,
  activeLabel,
  inactiveLabel,
}: {
  active: boolean;
  activeLabel?: string;
  inactiveLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c={active ? 'teal.9' : 'dimmed'} fw={active ? 600 : 400} data-active={active}>
      {active ? (activeLabel ?? t('admin.common.active')) : (inactiveLabel ?? t('admin.common.retired'))}
    </Text>
  );
}
