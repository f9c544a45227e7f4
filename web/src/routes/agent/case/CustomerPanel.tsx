// Who the case is from. Where the organisation requires it (R-REC-3, HRDF) the caller's personal
// data arrives masked until this agent records which identifying questions the caller answered;
// the server decides, this panel only shows what it is given.
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../api/types.ts';
import {
  IDENTITY_QUESTIONS,
  MIN_IDENTITY_QUESTIONS,
  useCustomer,
  useIdentityCheck,
} from '../../../features/cases/case-work.ts';
import type { CustomerDetails } from '../../../features/cases/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { can } from '../../../features/session/session.ts';
import { useFormatters } from '../../../i18n/format.ts';
import { IconUser } from '../../../ui/icons.tsx';
import { ErrorText } from '../../../ui/States.tsx';
import { Data, UserText } from '../../../ui/UserText.tsx';
import { IconShield, IconShieldOff } from '../icons.tsx';
import { listedName } from './customer-name.ts';
import { FormError, fieldError } from './FormError.tsx';

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

function Values({ values }: { values: (string | null)[] }) {
  const { t } = useTranslation();
  const present = values.filter((v): v is string => Boolean(v));
  if (!present.length) return <>{t('customer.none')}</>;
  return (
    // each value keeps its own width, so it sits at the inline start in either direction
    <Stack gap={0} align="flex-start">
      {present.map((v) => (
        // contacts are written left to right whatever the UI language
        <bdi key={v} dir="ltr" translate="no" data-customer-value>
          {v}
        </bdi>
      ))}
    </Stack>
  );
}

function IdentityCheckForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [questions, setQuestions] = useState<string[]>([]);
  const [tooFew, setTooFew] = useState(false);
  const check = useIdentityCheck(caseId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (questions.length < MIN_IDENTITY_QUESTIONS) {
      setTooFew(true);
      return;
    }
    check.mutate(questions);
  };
  const serverField = fieldError(check.error, 'questions');
  return (
    <form onSubmit={submit} noValidate aria-label={t('agent2.identity.formLabel')}>
      <Stack gap="xs">
        <FormError error={check.error && !serverField ? check.error : null} />
        <Checkbox.Group
          label={t('agent2.identity.questions')}
          description={t('agent2.identity.questionsHint', { count: MIN_IDENTITY_QUESTIONS })}
          value={questions}
          onChange={(v) => {
            setQuestions(v);
            setTooFew(false);
          }}
          error={tooFew ? t('agent2.identity.tooFew', { count: MIN_IDENTITY_QUESTIONS }) : serverField}
          withAsterisk
        >
          <Stack gap={6} mt={6}>
            {IDENTITY_QUESTIONS.map((q) => (
              <Checkbox key={q} value={q} label={t(`agent2.identity.question.${q}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" size="sm" leftSection={<IconShield size={16} />} loading={check.isPending}>
            {t('agent2.identity.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function name(d: CustomerDetails): string {
  if (d.kind === 'business' && d.businessName) return d.businessName;
  return [d.firstName, d.patronymic, d.lastName].filter(Boolean).join(' ') || d.businessName || '';
}

export function CustomerPanel({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { me, org } = useSession();
  const f = useFormatters(org.timezone);
  const details = useCustomer(c.id, can(me, 'customers:read'));
  const d = details.data;
  const masked = d ? !d.verified : false;
  const shownName = d ? name(d) : listedName(c.customer, org);
  const person = d && d.kind === 'business' ? [d.firstName, d.lastName].filter(Boolean).join(' ') : '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="customer-heading" data-masked={masked}>
      <Stack gap="sm">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <IconUser />
            <Title order={2} size="h4" id="customer-heading">
              {t('customer.title')}
            </Title>
          </Group>
          {d?.identityCheckRequired &&
            (d.verified ? (
              <Badge
                color="teal"
                variant="light"
                leftSection={<IconShield size={12} />}
                data-identity="verified"
              >
                {d.verifiedUntil
                  ? t('agent2.identity.verifiedUntil', { time: f.compact(d.verifiedUntil) })
                  : t('agent2.identity.verified')}
              </Badge>
            ) : (
              <Badge
                color="orange"
                variant="light"
                leftSection={<IconShieldOff size={12} />}
                data-identity="required"
              >
                {t('agent2.identity.notVerified')}
              </Badge>
            ))}
        </Group>
        <UserText fw={600} size="lg">
          {shownName || t('customer.unnamed')}
        </UserText>
        {person && <UserText size="sm">{person}</UserText>}
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
        {details.isError && (
          <Text size="sm" c="red">
            <ErrorText error={details.error} />
          </Text>
        )}
        {d ? (
          <>
            <Field label={t('customer.phone')}>
              <Values values={d.phones} />
            </Field>
            <Field label={t('agent2.customer.email')}>
              <Values values={d.emails} />
            </Field>
            {(d.nationalId || d.identityCheckRequired) && (
              <Field label={t('agent2.customer.nationalId')}>
                <Values values={[d.nationalId]} />
              </Field>
            )}
            {d.accountId && (
              <Field label={t('agent2.customer.accountId')}>
                <Values values={[d.accountId]} />
              </Field>
            )}
          </>
        ) : (
          !details.isPending && (
            <Field label={t('customer.phone')}>
              {c.customer.phoneMasked ? <Data>{c.customer.phoneMasked}</Data> : t('customer.none')}
            </Field>
          )
        )}
        <Field label={t('customer.language')}>
          {t(`languageName.${c.locale}`, { defaultValue: c.locale })}
        </Field>
        {masked && (
          <Paper
            p="sm"
            radius="sm"
            bg="orange.0"
            withBorder
            component="section"
            aria-labelledby="identity-heading"
          >
            <Title order={3} size="h5" id="identity-heading" mb={4}>
              {t('agent2.identity.title')}
            </Title>
            <Text size="sm" mb="xs">
              {t('agent2.identity.why')}
            </Text>
            {can(me, 'cases:work') ? (
              <IdentityCheckForm caseId={c.id} />
            ) : (
              <Text size="sm">{t('agent2.identity.cannot')}</Text>
            )}
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
