// Text in several languages: the organisation's names, labels and replies, typed in any of the
// five languages, its own languages first.
import {
  Button,
  Collapse,
  Fieldset,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  type TextProps,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, LocalizedText } from '../../../api/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { fieldError } from './server-errors.tsx';

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

/** The required name of a department, category, service, inbox or policy, sent as `name`. */
export function NameInputs({
  value,
  onChange,
  error,
}: {
  value: LocalizedText;
  onChange: (next: LocalizedText) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <LocalizedInputs
      legend={t('admin.common.name')}
      value={value}
      onChange={onChange}
      error={error}
      field="name"
      required
    />
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
