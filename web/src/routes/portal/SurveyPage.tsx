// The satisfaction survey behind the SMS link: one to five stars and a comment, answered once;
// then a thank-you. A link already used shows its answer; an unknown one says so.
import { Alert, Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import { EmptyView, ErrorState, ErrorText, LoadingState, ServerText } from '../../ui/States.tsx';
import { Data } from '../../ui/UserText.tsx';
import { usePortal } from './PortalContext.tsx';
import { formatNumber } from './PortalDate.tsx';
import { usePortalTitle } from './PortalShell.tsx';
import { useAnswerSurvey, useSurvey } from './portal-api.ts';
import { typedDirection } from './text-direction.ts';

const MAX_COMMENT = 2000;
const RATING_WORDS = ['veryBad', 'bad', 'neutral', 'good', 'veryGood'] as const;

function ThankYou({ rating, already }: { rating: number | null; already: boolean }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder radius="md" p="xl" data-survey-done="">
      <Stack gap="sm" align="center" ta="center">
        <IconCheck size={36} className="portal-receipt-icon" />
        <Title order={1} ref={heading} tabIndex={-1}>
          {already ? t('portal.survey.alreadyTitle') : t('portal.survey.thanksTitle')}
        </Title>
        <Text>{t('portal.survey.thanksText')}</Text>
        {rating !== null && (
          <Stack gap={4} align="center">
            <Rating value={rating} readOnly size="lg" aria-hidden="true" />
            <Text size="sm">
              {t('portal.survey.yourRating', {
                rating: formatNumber(rating, i18n.language),
                max: formatNumber(5, i18n.language),
                word: t(`portal.survey.word.${RATING_WORDS[rating - 1]}`),
              })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { slug } = usePortal();
  const { token = '' } = useParams();
  const survey = useSurvey(slug, token);
  const answer = useAnswerSurvey(slug, token);
  const [rating, setRating] = useState(0);
  const [hover, setHover] = useState(-1);
  const [comment, setComment] = useState('');
  usePortalTitle(t('portal.survey.title'));

  if (survey.isPending) return <LoadingState />;
  if (survey.error instanceof ApiError && survey.error.status === 404) {
    return <EmptyView title={t('portal.survey.unknownTitle')} description={t('portal.survey.unknownText')} />;
  }
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => survey.refetch()} />;
  // a second answer (another tab) is refused with 409: the first one stands
  const conflict = answer.error instanceof ApiError && answer.error.status === 409;
  if (survey.data.answered || conflict) {
    return <ThankYou rating={survey.data.rating} already={!answer.isSuccess} />;
  }

  const send = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(
      { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      { onError: (e) => e instanceof ApiError && e.status === 409 && void survey.refetch() },
    );
  };
  const ratingError = answer.error instanceof ApiError ? answer.error.field('rating') : undefined;
  const commentError = answer.error instanceof ApiError ? answer.error.field('comment') : undefined;
  const shown = hover > 0 ? hover : rating;

  return (
    <form onSubmit={send} noValidate>
      <Stack gap="lg" maw={620}>
        <Stack gap={4}>
          <Title order={1}>{t('portal.survey.title')}</Title>
          <Text>{t('portal.survey.intro')}</Text>
          <Text size="sm" c="dimmed">
            {t('portal.survey.number')} <Data>{survey.data.caseNumber}</Data>
          </Text>
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="lg">
            <div
              role="radiogroup"
              aria-labelledby="portal-rating-label"
              aria-describedby="portal-rating-word"
            >
              <Text fw={500} id="portal-rating-label" mb="xs">
                {t('portal.survey.question')}{' '}
                <Text span c="red.9" aria-hidden="true">
                  *
                </Text>
              </Text>
              <Group gap="md" align="center">
                <Rating
                  value={rating}
                  onChange={(v) => {
                    setRating(v);
                    // the server's complaint about the rating no longer applies
                    if (answer.isError) answer.reset();
                  }}
                  onHover={setHover}
                  size="xl"
                  color="yellow.6"
                  name="rating"
                  getSymbolLabel={(v) =>
                    t('portal.survey.starLabel', {
                      rating: formatNumber(v, i18n.language),
                      max: formatNumber(5, i18n.language),
                      word: t(`portal.survey.word.${RATING_WORDS[v - 1]}`),
                    })
                  }
                  className="portal-rating"
                />
                <Text id="portal-rating-word" size="sm" fw={600} aria-live="polite" miw={120}>
                  {shown > 0 ? t(`portal.survey.word.${RATING_WORDS[shown - 1]}`) : t('portal.survey.choose')}
                </Text>
              </Group>
              {ratingError && (
                <Text size="sm" c="red.9" mt={4}>
                  <ServerText>{ratingError}</ServerText>
                </Text>
              )}
            </div>
            <Textarea
              label={t('portal.survey.comment')}
              description={t('portal.survey.commentHint')}
              name="comment"
              autosize
              minRows={3}
              maxRows={10}
              maxLength={MAX_COMMENT}
              dir={typedDirection(comment)}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={commentError ? <ServerText>{commentError}</ServerText> : undefined}
            />
            {answer.error && !ratingError && !commentError && (
              <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
                <ErrorText error={answer.error} />
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={answer.isPending}>
                {t('portal.survey.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
