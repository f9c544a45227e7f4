import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../access/permissions.ts';
import { type ActionInput, addNote, applyCaseAction } from '../cases/case-actions.ts';
import type { CaseAction } from '../cases/case-status.ts';
import { registerCase } from '../cases/register-case.ts';
import { extendResolution } from '../sla/extend-resolution.ts';
import { buildAnswerLetter } from './answer-letter.ts';
import { normalizeExtracted, pdfInfo, pdfText, requirePoppler } from './testing-poppler.ts';

let db: Db;
let kh: TestOrg;
let agent: Actor;
let manager: Actor;

const baku = (local: string) => new Date(`${local}:00+04:00`);

beforeAll(async () => {
  requirePoppler();
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  agent = await kh.actor('agent');
  manager = await kh.actor('cs_manager');
});

const act = (who: Actor, id: string, action: CaseAction, at: string, input: ActionInput = {}) =>
  db.transaction().execute((trx) => applyCaseAction(trx, who, id, action, input, baku(at)));

const displayName = async (actor: Actor) =>
  (
    await db
      .selectFrom('users')
      .select('display_name')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow()
  ).display_name;

const RESULT =
  'Soyuducunun daşınma zamanı zədələndiyi təsdiq edildi. Soyuducu pulsuz olaraq yenisi ilə əvəz ediləcək.';
const AGENT_STEPS = [
  'Anbarda eyni modelin olub-olmadığı yoxlanıldı.',
  'Çatdırılma xidmətinin təhvil-təslim aktı araşdırıldı.',
];
const NOTE = 'Daxili qeyd: müştəri ilə yalnız axşam saatlarında danışmaq olar.';

/** A Kontakt Home complaint worked from registration to the answer, with a note and a new date. */
async function answeredComplaint(): Promise<{ id: string; number: string }> {
  const c = await registerAs(
    db,
    kh,
    agent,
    khComplaint({ subject: 'Soyuducunun qapısı əzik çatdırılıb' }),
    baku('2026-06-12T17:00'),
  );
  await act(agent, c.id, 'acknowledge', '2026-06-15T09:30');
  await act(agent, c.id, 'transfer', '2026-06-15T10:00', {
    department: 'delivery',
    reason: 'Çatdırılma şöbəsi yoxlamalıdır',
  });
  await act(manager, c.id, 'investigate', '2026-06-16T11:00');
  await db.transaction().execute((trx) => addNote(trx, agent, c.id, NOTE, baku('2026-06-16T12:00')));
  await db
    .transaction()
    .execute((trx) =>
      extendResolution(
        trx,
        manager,
        c.id,
        { newDueAt: '2026-07-10', reason: 'Yeni soyuducu anbara 9 iyulda gəlir' },
        baku('2026-06-25T10:00'),
      ),
    );
  expect(await buildAnswerLetter(db, kh.org.orgId, c.id)).toBeNull();
  await act(manager, c.id, 'respond', '2026-07-02T15:00', { message: RESULT, steps: AGENT_STEPS });
  return c;
}

describe('the final written answer of a real case', () => {
  let answered: { id: string; number: string };
  let text: string;

  beforeAll(async () => {
    answered = await answeredComplaint();
    // Events after the answer do not belong to the letter.
    await act(manager, answered.id, 'close', '2026-07-03T09:00');
    const letter = (await buildAnswerLetter(db, kh.org.orgId, answered.id))!;
    expect(letter.filename).toBe(`${answered.number}.pdf`);
    expect(pdfInfo(letter.pdf).warnings).toBe('');
    text = normalizeExtracted(pdfText(letter.pdf));
  }, 60_000);

  it('is written in Azerbaijani, the language of the case, to the customer about their case', async () => {
    expect(text).toContain('Hörmətli Leyla Rauf qızı Məmmədova!');
    expect(text).toContain(`${answered.number} nömrəli müraciət, qeydiyyat tarixi: 12 iyun 2026`);
    expect(text).toContain('Mövzu: Soyuducunun qapısı əzik çatdırılıb');
    expect(text).toContain('«Kontakt Home» şirkətinə müraciət etdiyiniz üçün təşəkkür edirik.');
    expect(text).toContain('2 iyul 2026');
  });

  it('gives the answer as the result and is signed by the agent who answered', async () => {
    expect(text).toContain(`Baxılmanın nəticəsi ${RESULT}`);
    expect(text).toContain(`Hörmətlə, ${await displayName(manager)} Kontakt Home`);
  });

  it('lists every step of the timeline in Azerbaijani, then the agent’s steps and the answer, in order', () => {
    const expected = [
      `Müraciət ${answered.number} nömrəsi ilə qeydə alındı.`,
      'Müraciətin qəbul edildiyi təsdiqləndi.',
      'Müraciət baxılmaq üçün «Çatdırılma və logistika şöbəsi» bölməsinə göndərildi.',
      'Müraciət üzrə araşdırmaya başlanıldı.',
      'Baxılma müddəti 10 iyul 2026 tarixinədək uzadıldı. Səbəb: Yeni soyuducu anbara 9 iyulda gəlir.',
      ...AGENT_STEPS,
      'Yazılı cavab hazırlanaraq Sizə göndərildi.',
    ];
    const positions = expected.map((step) => text.indexOf(step));
    expect(positions.filter((p) => p < 0)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('Görülmüş tədbirlər');
    // Each step is dated in Baku time (registration was at 13:00 UTC).
    expect(text).toContain(`12.06.2026 Müraciət ${answered.number} nömrəsi ilə qeydə alındı. 17:00`);
  });

  it('leaves out internal notes and whatever happened after the answer', () => {
    expect(text).not.toContain('Daxili qeyd');
    expect(text).not.toContain('Müraciət bağlandı');
  });

  it('is written in another language when asked, department names included', async () => {
    const letter = (await buildAnswerLetter(db, kh.org.orgId, answered.id, 'ru'))!;
    const ru = normalizeExtracted(pdfText(letter.pdf));
    expect(ru).toContain('Уважаемый(-ая) Leyla Rauf qızı Məmmədova!');
    expect(ru).toContain('Обращение передано на рассмотрение в подразделение «Отдел доставки и логистики».');
    expect(ru).toContain(
      'Срок рассмотрения продлён до 10 июля 2026 г. Причина: Yeni soyuducu anbara 9 iyulda gəlir.',
    );
    expect(ru).toContain(AGENT_STEPS[0]);
    expect(ru).toContain('Подготовлен и направлен Вам письменный ответ.');
  });
});

describe('cases without a final answer and resolved on the spot', () => {
  it('gives no letter for a case nobody has answered yet', async () => {
    const { id } = await registerAs(db, kh, agent, khComplaint(), baku('2026-06-12T17:00'));
    await act(agent, id, 'acknowledge', '2026-06-15T09:30');
    expect(await buildAnswerLetter(db, kh.org.orgId, id)).toBeNull();
  });

  it('gives no letter for a case of another organisation', async () => {
    const other = await createOrg(db, 'kontakt-home', { as: 'kontakt-home-2' });
    const { id } = await answeredComplaint();
    expect(await buildAnswerLetter(db, other.org.orgId, id)).toBeNull();
  });

  it('takes the result of a case resolved at registration from its recorded response', async () => {
    const response = 'Qəbz yenidən çap edilərək müştəriyə təqdim olundu.';
    const { id, number } = await db
      .transaction()
      .execute((trx) =>
        registerCase(
          trx,
          kh.org,
          { userId: agent.userId, departmentId: agent.departmentId },
          khComplaint({ subject: 'Qəbzin surəti' }),
          { resolveNow: { response }, now: baku('2026-06-12T11:00') },
        ),
      );
    const text = normalizeExtracted(pdfText((await buildAnswerLetter(db, kh.org.orgId, id))!.pdf));
    expect(text).toContain(`Baxılmanın nəticəsi ${response}`);
    expect(text).toContain(`Müraciət ${number} nömrəsi ilə qeydə alındı.`);
    expect(text).toContain('Yazılı cavab hazırlanaraq Sizə göndərildi.');
  });

  it('uses the start of the description when a case has no subject', async () => {
    const { id } = await answeredComplaint();
    await db
      .updateTable('cases')
      .set({ subject: '', description: 'Qapı əzikdir. Soyuducu işləyir, amma qapı tam bağlanmır.' })
      .where('org_id', '=', kh.org.orgId)
      .where('id', '=', id)
      .execute();
    const text = normalizeExtracted(pdfText((await buildAnswerLetter(db, kh.org.orgId, id))!.pdf));
    expect(text).toContain('Mövzu: Qapı əzikdir. Hörmətli');
  });
});
