// R-FLOW-7: a case that cannot be resolved as asked gets an offer — an alternative service of equal
// value, or compensation — which the customer is told about; their answer is recorded.
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../api/types.ts';
import { useAnswerOffer, useMakeOffer, useOffers } from '../../../features/cases/case-work.ts';
import { isOpenStatus } from '../../../features/cases/lifecycle.ts';
import type { Offer } from '../../../features/cases/types.ts';
import { useSession } from '../../../features/session/SessionContext.tsx';
import { can } from '../../../features/session/session.ts';
import { intlLocale } from '../../../i18n/languages.ts';
import { DateTime } from '../../../ui/DateTime.tsx';
import { Data, UserText } from '../../../ui/UserText.tsx';
import { ActionModal, type DialogProps } from './ActionModal.tsx';
import { OWN_DIRECTION } from './bidi.ts';
import { FormError, fieldError } from './FormError.tsx';

/** The currency a compensation is usually paid in, by the organisation's country. */
const CURRENCY: Record<string, string> = { JO: 'JOD', KZ: 'KZT', SY: 'SYP', SA: 'SAR', AZ: 'AZN' };

export function OfferForm({ c, onDone }: DialogProps) {
  const { t } = useTranslation();
  const { org } = useSession();
  const [kind, setKind] = useState<'alternative' | 'compensation'>('alternative');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState<string | number>('');
  const [currency, setCurrency] = useState(CURRENCY[org.country] ?? '');
  const [reason, setReason] = useState('');
  const offer = useMakeOffer(c.id);
  const fields = ['kind', 'description', 'amount', 'currency', 'reason'];
  const anyField = fields.some((f) => fieldError(offer.error, f));
  return (
    <ActionModal
      opened
      title={t('agent2.offer.title')}
      onClose={onDone}
      submitLabel={t('agent2.offer.submit')}
      pending={offer.isPending}
      onSubmit={() =>
        offer.mutate(
          {
            kind,
            description,
            reason,
            ...(kind === 'compensation'
              ? {
                  amount: typeof amount === 'number' ? amount : undefined,
                  currency: currency.trim().toUpperCase(),
                }
              : {}),
          },
          { onSuccess: onDone },
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('agent2.offer.hint')}
      </Text>
      <FormError error={offer.error && !anyField ? offer.error : null} />
      <div>
        <Text size="sm" fw={500} id="offer-kind-label" mb={4}>
          {t('agent2.offer.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="offer-kind-label"
          value={kind}
          onChange={(v) => setKind(v as 'alternative' | 'compensation')}
          data={[
            { value: 'alternative', label: t('agent2.offer.alternative') },
            { value: 'compensation', label: t('agent2.offer.compensation') },
          ]}
        />
      </div>
      <Textarea
        label={t('agent2.offer.description')}
        description={t(
          kind === 'alternative' ? 'agent2.offer.alternativeHint' : 'agent2.offer.compensationHint',
        )}
        required
        autosize
        minRows={2}
        styles={OWN_DIRECTION}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={fieldError(offer.error, 'description')}
        data-autofocus
      />
      {kind === 'compensation' && (
        <Group align="flex-start" gap="sm">
          <NumberInput
            label={t('agent2.offer.amount')}
            required
            min={0}
            decimalScale={3}
            value={amount}
            onChange={setAmount}
            error={fieldError(offer.error, 'amount')}
            w={180}
          />
          <TextInput
            label={t('agent2.offer.currency')}
            required
            maxLength={3}
            dir="ltr"
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            error={fieldError(offer.error, 'currency')}
            w={110}
          />
        </Group>
      )}
      <Textarea
        label={t('agent2.offer.reason')}
        description={t('agent2.offer.reasonHint')}
        required
        autosize
        minRows={2}
        styles={OWN_DIRECTION}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(offer.error, 'reason')}
      />
    </ActionModal>
  );
}

function OfferAnswerForm({
  c,
  offer,
  answer,
  onDone,
}: DialogProps & { offer: Offer; answer: 'accepted' | 'declined' }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const record = useAnswerOffer(c.id);
  return (
    <ActionModal
      opened
      title={t(answer === 'accepted' ? 'agent2.offer.acceptedTitle' : 'agent2.offer.declinedTitle')}
      onClose={onDone}
      submitLabel={t('agent2.offer.answerSubmit')}
      pending={record.isPending}
      onSubmit={() =>
        record.mutate({ offerId: offer.id, answer, note: note || undefined }, { onSuccess: onDone })
      }
    >
      <UserText component="p" className="pre-wrap" m={0}>
        {offer.description}
      </UserText>
      <FormError error={record.error && !fieldError(record.error, 'note') ? record.error : null} />
      <Textarea
        label={t('agent2.offer.answerNote')}
        autosize
        minRows={2}
        styles={OWN_DIRECTION}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fieldError(record.error, 'note')}
        data-autofocus
      />
    </ActionModal>
  );
}

/** An amount in its currency, written the way the user's language writes money. */
export function formatMoney(amount: number, currency: string, lng: string): string {
  try {
    return new Intl.NumberFormat(intlLocale(lng), { style: 'currency', currency }).format(amount);
  } catch {
    // not an ISO 4217 code Intl knows
    return `${new Intl.NumberFormat(intlLocale(lng)).format(amount)} ${currency}`;
  }
}

function Amount({ offer }: { offer: Offer }) {
  const { i18n } = useTranslation();
  if (offer.amount === null || !offer.currency) return null;
  return (
    <Text size="sm" fw={600}>
      <Data>{formatMoney(offer.amount, offer.currency, i18n.language)}</Data>
    </Text>
  );
}

const ANSWER_COLOR = { accepted: 'teal', declined: 'red' } as const;

/** Offers made on the case and the customer's answers; nothing when none was made. */
export function OffersPanel({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const offers = useOffers(c.id);
  const [answering, setAnswering] = useState<{ offer: Offer; answer: 'accepted' | 'declined' } | null>(null);
  if (!offers.data?.length) return null;
  const mayAnswer = can(me, 'cases:work') && isOpenStatus(c.status);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="offers-heading">
      <Title order={2} size="h4" id="offers-heading" mb="sm">
        {t('agent2.offer.panel')}
      </Title>
      <Stack gap="sm">
        {offers.data.map((o) => (
          <Paper key={o.id} p="sm" radius="sm" bg="gray.0" data-offer={o.id}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Badge variant="light" color={o.kind === 'compensation' ? 'grape' : 'indigo'}>
                {t(`agent2.offer.${o.kind}`)}
              </Badge>
              {o.answer ? (
                <Badge color={ANSWER_COLOR[o.answer]} variant="filled" data-offer-answer={o.answer}>
                  {t(`agent2.offer.answer.${o.answer}`)}
                </Badge>
              ) : (
                <Badge color="yellow" variant="light" data-offer-answer="pending">
                  {t('agent2.offer.answer.pending')}
                </Badge>
              )}
            </Group>
            <UserText component="p" className="pre-wrap" size="sm" mt={6} mb={0}>
              {o.description}
            </UserText>
            <Amount offer={o} />
            <Text size="sm" component="div" mt={4}>
              <Text span fw={600} size="sm">
                {t('timeline.reason')}
              </Text>{' '}
              <UserText size="sm">{o.reason}</UserText>
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('agent2.offer.offeredAt')} <DateTime iso={o.offeredAt} />
            </Text>
            {o.answerNote && (
              <UserText component="p" className="pre-wrap" size="sm" mt={4} mb={0}>
                {o.answerNote}
              </UserText>
            )}
            {!o.answer && mayAnswer && (
              <Group gap="xs" mt="xs">
                <Button size="xs" color="teal" onClick={() => setAnswering({ offer: o, answer: 'accepted' })}>
                  {t('agent2.offer.accepted')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => setAnswering({ offer: o, answer: 'declined' })}
                >
                  {t('agent2.offer.declined')}
                </Button>
              </Group>
            )}
          </Paper>
        ))}
      </Stack>
      {answering && (
        <OfferAnswerForm
          c={c}
          offer={answering.offer}
          answer={answering.answer}
          onDone={() => setAnswering(null)}
        />
      )}
    </Paper>
  );
}
