// Telephony end to end over HTTP (HRDF profile): the PBX posts CTI events with the channel's secret,
// call records come out with the hold protocol and abandoned calls judged, calls are linked to
// cases, and recordings are uploaded, played back by byte range and audited.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/db.ts';
import { createOrg, registerAs, type TestOrg } from '../../../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../../../test/http.ts';
import type { Db } from '../../../platform/db/db.ts';
import type { CtiEventInput } from './record-cti-events.ts';

const SECRET = 'pbx-7f3c9a1e-shared-secret-for-tests';
const OWNERS_DID = '8001249999';

let db: Db;
let app: FastifyInstance;
let hr: TestOrg;
let admin: Session;
let agent: Session;
let qa: Session;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  hr = await createOrg(db, 'hrdf');
  app = await createTestApp(db);
  admin = await signIn(app, 'hrdf', hr.userEmail('administrator'));
  agent = await signIn(app, 'hrdf', hr.userEmail('agent'));
  qa = await signIn(app, 'hrdf', hr.userEmail('qa_officer'));
  for (const [code, department] of [
    ['calls', 'contact_centre'],
    ['owners', 'owners_line'],
  ]) {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/inboxes/${code}`,
      headers: admin.headers,
      payload: { name: { ar: code, en: code, ru: code, kk: code, az: code }, department },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const res = await app.inject({
    method: 'PUT',
    url: '/api/v1/admin/channels/pbx',
    headers: admin.headers,
    payload: {
      inbox: 'calls',
      kind: 'phone',
      address: '+966112345678',
      config: {
        eventSecret: SECRET,
        ownersLine: { did: OWNERS_DID, inbox: 'owners' },
        extensions: { '2001': hr.userEmail('agent') },
      },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
});

let callCounter = 0;
const newCallId = () => `1767254400.${++callCounter}`;
/** A fresh hour per test, so the list totals of one test are not disturbed by another. */
let hourCounter = 0;
const newHour = () => Date.parse('2026-03-01T05:00:00Z') + ++hourCounter * 3600_000;
const iso = (base: number, s: number) => new Date(base + s * 1000).toISOString();

function postEvents(events: CtiEventInput[], secret: string | null = SECRET, channel = 'pbx') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/cti/hrdf/${channel}/events`,
    headers: secret === null ? {} : { 'x-riza-cti-secret': secret },
    payload: { events },
  });
}

async function callByExternalId(callId: string) {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('org_id', '=', hr.org.orgId)
    .where('external_id', '=', callId)
    .executeTakeFirst();
}

/** A tiny but real PCM WAV: RIFF header, fmt chunk, `samples` bytes of 8 kHz 8-bit mono. */
function wav(samples: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + samples, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(8000, 28);
  h.writeUInt16LE(1, 32);
  h.writeUInt16LE(8, 34);
  h.write('data', 36);
  h.writeUInt32LE(samples, 40);
  const body = Buffer.from(
    Array.from({ length: samples }, (_, k) => 128 + Math.round(100 * Math.sin(k / 3))),
  );
  return Buffer.concat([h, body]);
}

/** multipart/form-data as a browser's FormData encodes it. */
async function multipart(filename: string, data: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), filename);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}

async function registerCaller(phone: string) {
  return registerAs(db, hr, await hr.actor('agent'), {
    type: 'complaint',
    channel: 'call_centre',
    category: 'disbursement_delay',
    description: 'لم يصرف الدعم منذ شهرين',
    locale: 'ar',
    customer: { firstName: 'سعد', lastName: 'القحطاني', phone },
  });
}

describe('CTI events from the PBX', () => {
  it('flags a call with four holds for the hold limit (HRDF: at most three) and builds its record', async () => {
    const t = newHour();
    const c = await registerCaller('+966505550101');
    const customer = await db
      .selectFrom('cases')
      .select('customer_id')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const callId = newCallId();
    const events: CtiEventInput[] = [
      {
        type: 'ringing',
        callId,
        at: iso(t, 0),
        caller: '0505550101',
        callee: '+966112345678',
        queue: 'general',
      },
      { type: 'answered', callId, at: iso(t, 15), agent: '2001' },
    ];
    for (let k = 0; k < 4; k++) {
      events.push({ type: 'hold', callId, at: iso(t, 60 + k * 60) });
      events.push({ type: 'unhold', callId, at: iso(t, 80 + k * 60) });
    }
    events.push({ type: 'hangup', callId, at: iso(t, 330) });
    const res = await postEvents(events);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      accepted: 11,
      duplicates: 0,
      calls: [{ callId, state: 'ended', holdCount: 4, holdLimitExceeded: true, abandoned: false }],
    });

    const id = res.json().calls[0].id;
    const view = await app.inject({ url: `/api/v1/calls/${id}`, headers: qa.headers });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      callId,
      channel: 'pbx',
      caller: '+966505550101',
      customerId: customer.customer_id,
      agent: { email: hr.userEmail('agent') },
      queue: 'calls',
      department: 'contact_centre',
      segment: 'individual',
      waitSeconds: 15,
      holdCount: 4,
      holdSeconds: 80,
      // connected from 15 s to 330 s, 80 s of it on hold
      talkSeconds: 235,
      holdLimitExceeded: true,
    });
    expect(view.json().events.filter((e: { type: string }) => e.type === 'hold')).toHaveLength(4);

    const flagged = await app.inject({
      url: `/api/v1/calls?flagged=true&from=${iso(t, 0)}&to=${iso(t, 3600)}`,
      headers: qa.headers,
    });
    expect(flagged.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(flagged.json().totals).toMatchObject({ calls: 1, answered: 1, holdLimitExceeded: 1 });
  });

  it('counts a caller who gave up after waiting longer than the threshold as unanswered, a quick hang-up not', async () => {
    const t = newHour();
    const long = newCallId();
    const quick = newCallId();
    const res = await postEvents([
      { type: 'ringing', callId: long, at: iso(t, 0), caller: '0505550202' },
      // AMI QueueCallerAbandon carries the waiting time itself
      { type: 'abandoned', callId: long, at: iso(t, 50), waitSeconds: 50 },
      { type: 'ringing', callId: quick, at: iso(t, 100), caller: '0505550203' },
      { type: 'hangup', callId: quick, at: iso(t, 105) },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const range = `from=${iso(t, 0)}&to=${iso(t, 3600)}`;
    const all = await app.inject({ url: `/api/v1/calls?${range}`, headers: qa.headers });
    expect(all.json().totals).toEqual({
      calls: 2,
      answered: 0,
      abandoned: 2,
      unanswered: 1,
      holdLimitExceeded: 0,
    });
    const unanswered = await app.inject({
      url: `/api/v1/calls?${range}&unanswered=true`,
      headers: qa.headers,
    });
    expect(unanswered.json().items).toMatchObject([{ callId: long, abandoned: true, waitSeconds: 50 }]);
    expect(await callByExternalId(quick)).toMatchObject({
      abandoned: true,
      unanswered: false,
      wait_seconds: 5,
    });
  });

  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    const callId = newCallId();
    const events: CtiEventInput[] = [{ type: 'ringing', callId, at: new Date().toISOString() }];
    expect((await postEvents(events, 'pbx-7f3c9a1e-shared-secret-for-tesTS')).statusCode).toBe(401);
    expect((await postEvents(events, null)).statusCode).toBe(401);
    expect((await postEvents(events, SECRET, 'no-such-line')).statusCode).toBe(404);
    expect(await callByExternalId(callId)).toBeUndefined();
    const n = await db
      .selectFrom('call_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', hr.org.orgId)
      .executeTakeFirstOrThrow();
    expect((await postEvents(events)).statusCode).toBe(200);
    const after = await db
      .selectFrom('call_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', hr.org.orgId)
      .executeTakeFirstOrThrow();
    // the right secret stores the event (and where the call was routed): the refusals stored nothing
    expect(Number(after.n) - Number(n.n)).toBe(2);
  });

  it('changes nothing when the PBX replays events, with or without its sequence numbers', async () => {
    const t = newHour();
    const callId = newCallId();
    const events: CtiEventInput[] = [
      { type: 'ringing', callId, at: iso(t, 0), caller: '0505550303', seq: 101 },
      { type: 'answered', callId, at: iso(t, 9), agent: hr.userEmail('agent'), seq: 102 },
      { type: 'hold', callId, at: iso(t, 30) },
      { type: 'unhold', callId, at: iso(t, 40) },
      { type: 'hangup', callId, at: iso(t, 70) },
    ];
    expect((await postEvents(events)).json()).toMatchObject({ accepted: 5, duplicates: 0 });
    const before = await callByExternalId(callId);
    const count = async () =>
      (await db.selectFrom('call_events').select('seq').where('call_id', '=', before!.id).execute()).length;
    const eventsBefore = await count();

    const replay = await postEvents([...events].reverse());
    expect(replay.json()).toMatchObject({ accepted: 0, duplicates: 5 });
    expect(await callByExternalId(callId)).toEqual(before);
    expect(await count()).toBe(eventsBefore);
    expect(before).toMatchObject({ hold_count: 1, hold_seconds: 10, talk_seconds: 51, wait_seconds: 9 });
  });

  it('keeps each event once when the PBX retries a batch while the first post is still running', async () => {
    const t = newHour();
    const callId = newCallId();
    const events: CtiEventInput[] = [
      { type: 'ringing', callId, at: iso(t, 0), caller: '0505550313' },
      { type: 'answered', callId, at: iso(t, 6), agent: '2001' },
      { type: 'hangup', callId, at: iso(t, 66) },
    ];
    const [a, b] = await Promise.all([postEvents(events), postEvents(events)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().accepted + b.json().accepted).toBe(3);
    const call = (await callByExternalId(callId))!;
    const stored = await db.selectFrom('call_events').select('type').where('call_id', '=', call.id).execute();
    expect(stored.map((e) => e.type).sort()).toEqual(['answered', 'hangup', 'ringing', 'routed']);
    expect(call).toMatchObject({ state: 'ended', wait_seconds: 6, talk_seconds: 60 });
  });

  it("routes the establishment owners' line to its own queue, registered as business owners", async () => {
    const t = newHour();
    const owners = newCallId();
    const general = newCallId();
    const res = await postEvents([
      { type: 'ringing', callId: owners, at: iso(t, 0), caller: '0505550404', callee: OWNERS_DID },
      { type: 'ringing', callId: general, at: iso(t, 1), caller: '0505550405', callee: '+966112345678' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const id = (await callByExternalId(owners))!.id;
    const view = (await app.inject({ url: `/api/v1/calls/${id}`, headers: agent.headers })).json();
    expect(view).toMatchObject({
      queue: 'owners',
      department: 'owners_line',
      segment: 'business_owner',
      state: 'ringing',
    });
    const range = `from=${iso(t, 0)}&to=${iso(t, 3600)}`;
    const ownersQueue = await app.inject({ url: `/api/v1/calls?${range}&queue=owners`, headers: qa.headers });
    expect(ownersQueue.json().items.map((i: { callId: string }) => i.callId)).toEqual([owners]);
    const mainQueue = await app.inject({ url: `/api/v1/calls?${range}&queue=calls`, headers: qa.headers });
    expect(mainQueue.json().items).toMatchObject([{ callId: general, segment: 'individual' }]);
  });

  it('refuses a phone channel without a long enough event secret, and never shows the secret', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/channels/pbx2',
      headers: admin.headers,
      payload: { inbox: 'calls', kind: 'phone', config: { eventSecret: 'short' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toMatch(/eventSecret must be 24 to 200 characters/);
    const list = await app.inject({ url: '/api/v1/admin/channels', headers: admin.headers });
    const pbx = list.json().items.find((c: { code: string }) => c.code === 'pbx');
    expect(pbx.config.eventSecret).not.toBe(SECRET);
    expect(JSON.stringify(list.json())).not.toContain(SECRET);
  });
});

describe('calls, cases and recordings', () => {
  async function endedCall(caller: string) {
    const t = newHour();
    const callId = newCallId();
    await postEvents([
      { type: 'ringing', callId, at: iso(t, 0), caller },
      { type: 'answered', callId, at: iso(t, 5), agent: '2001' },
      { type: 'hangup', callId, at: iso(t, 125) },
    ]);
    return (await callByExternalId(callId))!;
  }

  const link = (callId: string, caseId: string, s: Session = agent) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/calls/${callId}/link`,
      headers: s.headers,
      payload: { caseId },
    });
  const upload = async (callId: string, filename: string, data: Buffer) => {
    const body = await multipart(filename, data);
    return app.inject({
      method: 'POST',
      url: `/api/v1/calls/${callId}/recording`,
      headers: { ...agent.headers, ...body.headers },
      payload: body.payload,
    });
  };
  const audits = (callId: string, action: string) =>
    db
      .selectFrom('audit_log')
      .select(['actor_id', 'at', 'data'])
      .where('org_id', '=', hr.org.orgId)
      .where('entity', '=', 'call')
      .where('entity_id', '=', callId)
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  it('links a call to the case registered during it, on the case timeline', async () => {
    const call = await endedCall('0505550505');
    const c = await registerCaller('+966505550505');
    const res = await link(call.id, c.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ linked: true, call: { case: { id: c.id, number: c.number } } });
    expect((await link(call.id, c.id)).json()).toMatchObject({ linked: false });
    const other = await registerCaller('+966505550506');
    expect((await link(call.id, other.id)).statusCode).toBe(409);
    const timeline = await app.inject({ url: `/api/v1/cases/${c.id}/timeline`, headers: agent.headers });
    const linked = timeline.json().items.filter((e: { type: string }) => e.type === 'call_linked');
    expect(linked).toMatchObject([{ data: { callId: call.id, talkSeconds: 120, waitSeconds: 5 } }]);
  });

  it('plays an uploaded recording back by byte range and logs every playback and download', async () => {
    const call = await endedCall('0505550606');
    const audio = wav(4000);
    // uploaded before the call is linked: it joins the case's files when it is
    const up = await upload(call.id, 'call-0606.wav', audio);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ contentType: 'audio/wav', size: audio.length });
    const c = await registerCaller('+966505550606');
    expect((await link(call.id, c.id)).statusCode).toBe(200);
    const files = await app.inject({ url: `/api/v1/cases/${c.id}/attachments`, headers: agent.headers });
    expect(files.json().items).toMatchObject([{ id: up.json().id, content_type: 'audio/wav' }]);

    const url = `/api/v1/calls/${call.id}/recording`;
    const first = await app.inject({ url, headers: { ...qa.headers, range: 'bytes=0-99' } });
    expect(first.statusCode, first.body).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${audio.length}`);
    expect(first.headers['accept-ranges']).toBe('bytes');
    expect(first.headers['content-type']).toBe('audio/wav');
    expect(first.rawPayload).toEqual(audio.subarray(0, 100));
    // the listener seeks to the middle
    const seek = await app.inject({ url, headers: { ...qa.headers, range: 'bytes=2000-' } });
    expect(seek.statusCode).toBe(206);
    expect(seek.rawPayload).toEqual(audio.subarray(2000));
    const beyond = await app.inject({ url, headers: { ...qa.headers, range: `bytes=${audio.length}-` } });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${audio.length}`);
    const whole = await app.inject({ url: `${url}?download=true`, headers: agent.headers });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''call-0606\.wav$/);
    expect(whole.rawPayload).toEqual(audio);

    const qaId = (await hr.actor('qa_officer')).userId;
    const played = await audits(call.id, 'recording.played');
    expect(played.map((a) => [a.actor_id, (a.data as { bytes: string }).bytes])).toEqual([
      [qaId, `0-99/${audio.length}`],
      [qaId, `2000-${audio.length - 1}/${audio.length}`],
    ]);
    expect(await audits(call.id, 'recording.downloaded')).toMatchObject([
      { actor_id: (await hr.actor('agent')).userId, data: { caseId: c.id } },
    ]);
    // a recording is evidence: it is not replaced
    expect((await upload(call.id, 'again.wav', wav(100))).statusCode).toBe(409);
  });

  it('refuses a file that is not audio, even when it is named .wav', async () => {
    const call = await endedCall('0505550707');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const disguised = await upload(call.id, 'recording.wav', pdf);
    expect(disguised.statusCode).toBe(415);
    const text = await upload(call.id, 'recording.wav', Buffer.from('RIFF but not really a wave file'));
    expect(text.statusCode).toBe(415);
    expect((await callByExternalId(call.external_id))!.recording_attachment_id).toBeNull();
    expect(await audits(call.id, 'recording.added')).toEqual([]);
  });

  it("keeps one organisation's calls from another's staff", async () => {
    const call = await endedCall('0505550808');
    const other = await createOrg(db, 'hrdf', { as: 'other-fund' });
    const s = await signIn(app, 'other-fund', other.userEmail('cs_manager'));
    expect((await app.inject({ url: `/api/v1/calls/${call.id}`, headers: s.headers })).statusCode).toBe(404);
    expect(
      (await app.inject({ url: `/api/v1/calls/${call.id}/recording`, headers: s.headers })).statusCode,
    ).toBe(404);
    const theirCase = await registerAs(db, other, await other.actor('agent'), {
      type: 'complaint',
      channel: 'call_centre',
      category: 'disbursement_delay',
      description: 'x',
      customer: { firstName: 'a', lastName: 'b', phone: '+966505550809' },
    });
    expect((await link(call.id, theirCase.id, s)).statusCode).toBe(404);
  });
});
