// The outbox delivered through real local SMTP and SMPP servers, against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../../test/factories.ts';
import { LocalSmsc, LocalSmtp } from '../../../../test/local-servers.ts';
import type { Db } from '../../platform/db/db.ts';
import { applyCaseAction } from '../cases/case-actions.ts';
import { buildAnswerLetter } from '../letters/index.ts';
import { backoffSeconds, deliverDue, ProviderRegistry } from './deliver.ts';

let db: Db;
let kh: TestOrg;
let um: TestOrg;
let smtp: LocalSmtp;
let smsc: LocalSmsc;
let providers: ProviderRegistry;

const deps = () => ({ db, providers, publicUrl: 'https://care.example', letter: buildAnswerLetter });

async function configure(orgId: string, channel: 'sms' | 'email', config: object) {
  await db
    .insertInto('notification_providers')
    .values({ org_id: orgId, channel, config: JSON.stringify(config) })
    .onConflict((oc) =>
      oc.columns(['org_id', 'channel']).doUpdateSet((eb) => ({
        config: JSON.stringify(config),
        version: eb('notification_providers.version', '+', 1),
      })),
    )
    .execute();
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  um = await createOrg(db, 'umniah');
  smtp = await new LocalSmtp().start();
  smsc = await new LocalSmsc().start();
  providers = new ProviderRegistry(db);
  await configure(um.org.orgId, 'sms', {
    kind: 'smpp',
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'riza',
    password: 'secret',
    sourceAddr: 'Umniah',
  });
  await configure(um.org.orgId, 'email', {
    kind: 'smtp',
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    from: '"Umniah" <care@umniah.example>',
  });
});

afterAll(async () => {
  await providers.close();
  await smtp.close();
  await smsc.close();
});

describe('delivering the outbox', () => {
  it('keeps messages of an org without a provider in the local outbox, rendered in the customer’s language', async () => {
    const { id, number } = await registerAs(db, kh, await kh.actor('agent'), khComplaint());
    const r = await deliverDue(deps());
    expect(r.local).toBeGreaterThanOrEqual(1);
    const n = await db
      .selectFrom('notifications')
      .selectAll()
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(n).toMatchObject({
      event: 'registered',
      channel: 'sms',
      status: 'sent',
      provider: 'local-outbox',
      attempts: 1,
    });
    expect(n.rendered_body).toContain(number);
    expect(n.rendered_body).toContain('qeydə alındı');
    expect(n.rendered_body).toContain(`https://care.example/portal/kontakt-home/track?number=${number}`);
  });

  it('texts the number in Arabic over SMPP and e-mails over SMTP, each exactly once', async () => {
    const agent = await um.actor('agent');
    const { id, number } = await registerAs(db, um, agent, {
      type: 'complaint',
      channel: 'call_centre',
      category: um.profile.categories[0]!.code,
      service: um.profile.services[0]!.code,
      description: 'انقطاع خدمة الإنترنت منذ يومين',
      locale: 'ar',
      customer: { firstName: 'ليلى', lastName: 'حداد', phone: '+962791234567', email: 'layla@example.jo' },
    });
    const before = { sms: smsc.accepted.length, mail: smtp.accepted.length };
    const [a, b] = await Promise.all([deliverDue(deps()), deliverDue(deps())]);
    expect(a.sent + b.sent).toBe(2);
    expect(await deliverDue(deps())).toMatchObject({ sent: 0 });
    const sms = smsc.accepted.slice(before.sms);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ to: '962791234567', dataCoding: 8 }); // international TON, no plus
    expect(sms[0]!.text).toContain(number);
    expect(sms[0]!.text).toMatch(/تم تسجيل/);
    const mail = smtp.accepted.slice(before.mail);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(['layla@example.jo']);
    expect(mail[0]!.parsed.subject).toContain(number);
    expect(mail[0]!.parsed.html).toContain('dir="rtl"');
    const attempts = await db
      .selectFrom('notification_attempts')
      .select(['ok', 'provider'])
      .where('org_id', '=', um.org.orgId)
      .execute();
    expect(
      attempts
        .filter((x) => x.ok)
        .map((x) => x.provider)
        .sort(),
    ).toEqual(['smpp', 'smtp']);
    // the agent answers: the final answer with its steps goes by e-mail, the survey link by SMS
    const manager = await um.actor('cs_manager');
    await db.transaction().execute(async (trx) => {
      await applyCaseAction(trx, manager, id, 'acknowledge', {});
      await applyCaseAction(trx, manager, id, 'investigate', {});
      await applyCaseAction(trx, manager, id, 'respond', {
        message: 'تمت إعادة تشغيل المنفذ وعادت الخدمة.',
        steps: ['فحص الخط عن بعد', 'إعادة تشغيل المنفذ في المقسم'],
      });
    });
    await deliverDue(deps());
    const answer = smtp.accepted.find((m) => m.parsed.text?.includes('إعادة تشغيل المنفذ في المقسم'));
    expect(answer, 'final answer e-mail with the steps').toBeTruthy();
    expect(answer!.parsed.attachments.map((a) => [a.contentType, a.filename])).toEqual([
      ['application/pdf', `${number}.pdf`],
    ]);
    const survey = smsc.accepted.find((s) => s.text.includes('/portal/umniah/survey/'));
    expect(survey, 'survey link by SMS').toBeTruthy();
  });

  it('retries a refused delivery with backoff and records every attempt', async () => {
    const down = await new LocalSmtp().start();
    const port = down.port;
    await down.close(); // nothing listens there now
    await configure(kh.org.orgId, 'email', {
      kind: 'smtp',
      host: '127.0.0.1',
      port,
      secure: false,
      from: 'care@kontakt.example',
    });
    const { id } = await registerAs(
      db,
      kh,
      await kh.actor('agent'),
      khComplaint({ customer: { email: 'leyla@example.az' } }),
    );
    const now = new Date();
    await deliverDue({ ...deps(), now: () => now });
    const n = await db
      .selectFrom('notifications')
      .selectAll()
      .where('org_id', '=', kh.org.orgId)
      .where('case_id', '=', id)
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(n).toMatchObject({ status: 'pending', attempts: 1 });
    expect(n.next_attempt_at.getTime()).toBe(now.getTime() + backoffSeconds(1) * 1000);
    expect(n.last_error).toBeTruthy();
    // nothing is due again before the backoff has passed
    expect((await deliverDue({ ...deps(), now: () => now })).retried).toBe(0);
    await db.deleteFrom('notification_providers').where('org_id', '=', kh.org.orgId).execute();
  });

  it('backs off 30 s, 2 min, 8 min … up to six hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffSeconds)).toEqual([30, 120, 480, 1920, 7680, 21600, 21600]);
  });
});
