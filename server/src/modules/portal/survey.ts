// Use-cases: the post-service satisfaction survey behind the link texted after a response
// (R-QA-4). The link's token is stored only as a hash; an answer is stored once and kept with
// what it rates (agent, department, category, channel — fixed when the survey was sent).
import type { Db, DbOrTrx } from '../../platform/db/db.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { appendCaseEvents, lockCase } from '../cases/case.repository.ts';
import { hashToken } from '../notifications/case-notices.ts';
import { portalFieldError } from './portal-text.ts';

export const SURVEY_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
export const MAX_COMMENT_LENGTH = 2000;

export interface SurveyView {
  caseNumber: string;
  answered: boolean;
  answeredAt: string | null;
  rating: number | null;
}

export async function getSurvey(db: DbOrTrx, orgId: string, token: string): Promise<SurveyView | null> {
  if (!SURVEY_TOKEN.test(token)) return null;
  const row = await db
    .selectFrom('surveys as s')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 's.org_id').onRef('c.id', '=', 's.case_id'))
    .select(['c.number', 's.answered_at', 's.rating'])
    .where('s.org_id', '=', orgId)
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  return {
    caseNumber: row.number,
    answered: row.answered_at !== null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    rating: row.rating,
  };
}

export async function answerSurvey(
  db: Db,
  orgId: string,
  token: string,
  answer: { rating: number; comment?: string | null },
  now = new Date(),
): Promise<SurveyView> {
  const comment = answer.comment?.normalize('NFC').trim() || null;
  const errors = [];
  if (!Number.isInteger(answer.rating) || answer.rating < 1 || answer.rating > 5) {
    errors.push(portalFieldError('rating', 'out_of_range', { min: 1, max: 5 }));
  }
  if (comment && comment.length > MAX_COMMENT_LENGTH) {
    errors.push(portalFieldError('comment', 'too_long', { max: MAX_COMMENT_LENGTH }));
  }
  if (errors.length) throw validation(errors);
  if (!SURVEY_TOKEN.test(token)) throw notFound();
  return db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('surveys')
      .select(['id', 'case_id', 'answered_at'])
      .where('org_id', '=', orgId)
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!s) throw notFound();
    // the case lock orders the timeline append and makes a concurrent second answer wait, then fail
    const c = await lockCase(trx, orgId, s.case_id);
    if (!c) throw notFound();
    const stored = await trx
      .updateTable('surveys')
      .set({ rating: answer.rating, comment, answered_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', s.id)
      .where('answered_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!stored) throw new AppError('CONFLICT', { reason: 'survey_already_answered' });
    await appendCaseEvents(trx, [
      {
        orgId,
        caseId: c.id,
        type: 'survey_answered',
        actorId: null,
        actorKind: 'customer',
        at: now,
        data: { surveyId: s.id, rating: answer.rating, comment },
      },
    ]);
    await appendAudit(trx, [
      {
        orgId,
        actorId: null,
        actorKind: 'customer',
        action: 'survey.answered',
        entity: 'case',
        entityId: c.id,
        data: { number: c.number, surveyId: s.id, rating: answer.rating },
      },
    ]);
    return { caseNumber: c.number, answered: true, answeredAt: now.toISOString(), rating: answer.rating };
  });
}
