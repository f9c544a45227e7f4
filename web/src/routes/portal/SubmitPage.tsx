// Sending a complaint or suggestion through the organisation's approved form: the fields, labels
// and required marks come from the server, in the reader's language; the server checks the form
// and answers every problem at once, in the same language, and the page puts each beside its
// field. Then the confirmation: the case number and the expected date at once.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  FileInput,
  Group,
  List,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { Locale } from '../../api/types.ts';
import { PSEUDO } from '../../i18n/languages.ts';
import { IconAlert, IconPaperclip } from '../../ui/icons.tsx';
import { ErrorText, ServerText } from '../../ui/States.tsx';
import { Data, renderDataOption } from '../../ui/UserText.tsx';
import { Confirmation } from './Confirmation.tsx';
import { usePortal } from './PortalContext.tsx';
import { usePortalTitle } from './PortalShell.tsx';
import { type PortalField, type PortalReceipt, type PortalSubmission, useSubmitCase } from './portal-api.ts';
import { typedDirection } from './text-direction.ts';
import { ACCEPTED_FILES, MAX_FILES } from './uploads.ts';

const inputId = (field: string) => `portal-field-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function focusField(field: string) {
  const target =
    field === 'type'
      ? document.querySelector<HTMLInputElement>('input[name="type"]:checked')
      : document.getElementById(inputId(field));
  target?.focus();
}

/** What the browser may fill in for each standard field. */
const AUTOCOMPLETE: Record<string, string> = {
  'customer.firstName': 'given-name',
  'customer.lastName': 'family-name',
  'customer.patronymic': 'additional-name',
  'customer.businessName': 'organization',
  'customer.phone': 'tel',
  'customer.email': 'email',
};
/** Numbers and addresses read left to right whatever the language around them. */
const LTR = new Set(['customer.phone', 'customer.email', 'customer.nationalId', 'customer.accountId']);
const LONG = new Set(['description', 'remedySought']);

function buildBody(
  type: string,
  values: Record<string, string>,
  consent: boolean,
  website: string,
  locale: Locale | undefined,
): PortalSubmission {
  const body: PortalSubmission = { type, channel: 'web_form', customer: {}, consent, website };
  if (locale) body.locale = locale;
  for (const [path, raw] of Object.entries(values)) {
    const v = raw.trim();
    if (!v) continue;
    if (path.startsWith('customer.')) body.customer[path.slice(9)] = v;
    else if (path.startsWith('custom.')) body.custom = { ...body.custom, [path.slice(7)]: v };
    else (body as unknown as Record<string, string>)[path] = v;
  }
  return body;
}

export function SubmitPage() {
  const { t, i18n } = useTranslation();
  const { info, slug } = usePortal();
  const [params] = useSearchParams();
  const types = info.caseTypes;
  const [type, setType] = useState(() => {
    const asked = params.get('type');
    return types.find((c) => c.code === asked)?.code ?? types[0]?.code ?? 'complaint';
  });
  const [values, setValues] = useState<Record<string, string>>({});
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // fields changed since the server last judged them no longer show its message
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [receipt, setReceipt] = useState<{ receipt: PortalReceipt; phone: string; files: File[] } | null>(
    null,
  );
  const submit = useSubmitCase(slug);
  const summary = useRef<HTMLDivElement>(null);
  const typeName = types.find((c) => c.code === type)?.name;
  usePortalTitle(receipt ? t('portal.confirmation.title') : t('portal.form.title'));

  const error = submit.error;
  // the summary names every problem: moving there lets keyboard and screen-reader users start there
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);
  const fieldMessages = useMemo(
    () => (error instanceof ApiError ? error.fields.filter((f) => !edited.has(f.field)) : []),
    [error, edited],
  );
  const messageFor = (field: string): ReactNode => {
    const m = fieldMessages.find((f) => f.field === field)?.message;
    return m ? <ServerText>{m}</ServerText> : undefined;
  };
  if (!info.channels.includes('web_form')) {
    return (
      <Alert color="blue" variant="light">
        {t('portal.home.noOnlineForm')}
      </Alert>
    );
  }
  if (receipt) {
    return (
      <Confirmation
        receipt={receipt.receipt}
        phone={receipt.phone}
        files={receipt.files}
        typeName={typeName}
        onAnother={() => {
          setReceipt(null);
          setValues({});
          setConsent(false);
          setFiles([]);
          submit.reset();
        }}
      />
    );
  }

  const change = (field: string, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setEdited((e) => (e.has(field) ? e : new Set(e).add(field)));
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    const lng = i18n.language === PSEUDO ? undefined : (i18n.language as Locale);
    const body = buildBody(type, values, consent, website, lng);
    setEdited(new Set());
    submit.mutate(body, {
      onSuccess: (r) => {
        setReceipt({ receipt: r, phone: body.customer.phone ?? '', files });
        window.scrollTo({ top: 0 });
      },
    });
  };

  const field = (f: PortalField) => {
    const common = {
      id: inputId(f.field),
      label: <Data>{f.label}</Data>,
      name: f.field,
      required: f.required,
      error: messageFor(f.field),
    };
    const value = values[f.field] ?? '';
    if (f.field === 'service' || f.field === 'category' || f.options) {
      const data =
        f.field === 'service'
          ? info.services.map((s) => ({ value: s.code, label: s.name }))
          : f.field === 'category'
            ? info.categories.map((c) => ({ value: c.code, label: c.name }))
            : (f.options ?? []);
      return (
        <Select
          key={f.field}
          {...common}
          data={data}
          value={value || null}
          onChange={(v) => change(f.field, v ?? '')}
          placeholder={t('portal.form.choose')}
          searchable
          nothingFoundMessage={t('portal.form.nothingFound')}
          renderOption={renderDataOption}
          allowDeselect={!f.required}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    if (LONG.has(f.field)) {
      return (
        <Textarea
          key={f.field}
          {...common}
          autosize
          minRows={f.field === 'description' ? 5 : 3}
          maxRows={16}
          maxLength={f.maxLength}
          dir={typedDirection(value)}
          value={value}
          onChange={(e) => change(f.field, e.currentTarget.value)}
          description={f.field === 'description' ? t('portal.form.descriptionHint') : undefined}
        />
      );
    }
    return (
      <TextInput
        key={f.field}
        {...common}
        type={f.field === 'customer.email' ? 'email' : f.field === 'customer.phone' ? 'tel' : 'text'}
        inputMode={f.field === 'customer.phone' ? 'tel' : undefined}
        autoComplete={AUTOCOMPLETE[f.field] ?? 'off'}
        dir={LTR.has(f.field) ? 'ltr' : typedDirection(value)}
        maxLength={f.maxLength}
        value={value}
        onChange={(e) => change(f.field, e.currentTarget.value)}
        description={f.field === 'customer.phone' ? t('portal.form.phoneHint') : undefined}
      />
    );
  };

  const aboutYou = info.form.fields.filter((f) => f.field.startsWith('customer.'));
  const aboutRequest = info.form.fields.filter((f) => !f.field.startsWith('customer.'));
  const otherErrors = error && !(error instanceof ApiError && error.fields.length > 0);

  return (
    <form onSubmit={send} noValidate aria-labelledby="portal-form-title">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} id="portal-form-title">
            {t('portal.form.title')}
          </Title>
          <Text>{t('portal.form.intro')}</Text>
          <Text size="sm" c="dimmed">
            {t('portal.form.requiredNote')}
          </Text>
        </Stack>

        {error instanceof ApiError && error.fields.length > 0 && (
          <Alert
            ref={summary}
            tabIndex={-1}
            color="red"
            variant="light"
            icon={<IconAlert />}
            role="alert"
            title={<ServerText>{error.message || t('portal.form.fixErrors')}</ServerText>}
            className="portal-error-summary"
          >
            <List size="sm" spacing={4}>
              {error.fields.map((f) => (
                <List.Item key={f.field}>
                  <Anchor
                    href={`#${inputId(f.field)}`}
                    size="sm"
                    c="red.9"
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(f.field);
                    }}
                  >
                    <ServerText>{f.message}</ServerText>
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {otherErrors && (
          <Alert ref={summary} tabIndex={-1} color="red" variant="light" icon={<IconAlert />} role="alert">
            <ErrorText error={error} />
          </Alert>
        )}

        <Fieldset legend={t('portal.form.aboutRequest')} radius="md" className="portal-section">
          <Stack gap="md">
            <Radio.Group
              id="portal-type"
              label={t('portal.form.type')}
              value={type}
              onChange={setType}
              name="type"
              required
              error={messageFor('type')}
            >
              <Group gap="lg" mt="xs">
                {types.map((c) => (
                  <Radio key={c.code} value={c.code} label={<Data>{c.name}</Data>} />
                ))}
              </Group>
            </Radio.Group>
            {aboutRequest.map(field)}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('portal.form.aboutYou')} radius="md" className="portal-section">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('portal.form.aboutYouHint')}
            </Text>
            {aboutYou.map(field)}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('portal.form.filesLegend')} radius="md" className="portal-section">
          <FileInput
            id={inputId('files')}
            label={t('portal.form.files')}
            description={t('portal.form.filesHint', { count: MAX_FILES })}
            multiple
            clearable
            accept={ACCEPTED_FILES}
            leftSection={<IconPaperclip size={16} />}
            placeholder={t('portal.form.filesPlaceholder')}
            value={files}
            onChange={(f) => setFiles(f.slice(0, MAX_FILES))}
            valueComponent={({ value }) => (
              <Data>
                {(Array.isArray(value) ? value : value ? [value] : []).map((f) => f.name).join(', ')}
              </Data>
            )}
            clearButtonProps={{ 'aria-label': t('portal.form.filesClear') }}
          />
        </Fieldset>

        {/* a field people never see or reach; form-filling robots fill it in and are turned away */}
        <div className="portal-honeypot" aria-hidden="true">
          <label htmlFor="portal-website">{t('portal.form.honeypot')}</label>
          <input
            id="portal-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.currentTarget.value)}
          />
        </div>

        <Fieldset legend={t('portal.form.consentLegend')} radius="md" className="portal-section">
          <Stack gap="sm">
            <Text size="sm" id="portal-privacy" className="pre-wrap portal-privacy">
              <ServerText>{info.privacyNotice}</ServerText>
            </Text>
            <Checkbox
              id={inputId('consent')}
              name="consent"
              checked={consent}
              onChange={(e) => {
                setConsent(e.currentTarget.checked);
                setEdited((s) => new Set(s).add('consent'));
              }}
              label={t('portal.form.consent')}
              aria-describedby="portal-privacy"
              required
              error={messageFor('consent')}
            />
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" size="md" loading={submit.isPending}>
            {t('portal.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
