// Dashboards over HTTP: volumes with first-contact resolution, backlog ageing, the team's load,
// each as JSON and as CSV / XLSX in the reader's language; department staff see their department.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { createOrg, khComplaint, registerAs, type TestOrg } from '../../../test/factories.ts';
import { createTestApp, type Session, signIn } from '../../../test/http.ts';
import type { Db } from '../platform/db/db.ts';

let db: Db;
let app: FastifyInstance;
let kh: TestOrg;
let manager: Session;

const day = (d: string) => new Date(`${d}T08:00:00Z`);

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  kh = await createOrg(db, 'kontakt-home');
  app = await createTestApp(db);
  manager = await signIn(app, 'kontakt-home', kh.userEmail('cs_manager'));
  const agent = await kh.actor('agent');
  await registerAs(db, kh, agent, khComplaint({ channel: 'call_centre' }), day('2026-11-02'));
  await registerAs(db, kh, agent, khComplaint({ channel: 'call_centre' }), day('2026-11-03'));
  await registerAs(db, kh, agent, khComplaint({ channel: 'web_form' }), day('2026-11-03'));
  await registerAs(db, kh, agent, khComplaint({ channel: 'store', department: 'stores' }), day('2026-10-01'));
});

const q = '?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z';

describe('volumes', () => {
  it('counts the period’s cases per channel and per day in the org’s zone', async () => {
    const byChannel = (
      await app.inject({ url: `/api/v1/reports/volumes${q}&by=channel`, headers: manager.headers })
    ).json();
    expect(byChannel.rows.map((r: { group: string; registered: number }) => [r.group, r.registered])).toEqual(
      [
        ['call_centre', 2],
        ['web_form', 1],
      ],
    );
    const byDay = (
      await app.inject({ url: `/api/v1/reports/volumes${q}&by=day`, headers: manager.headers })
    ).json();
    expect(byDay.rows.map((r: { group: string; registered: number }) => [r.group, r.registered])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-03', 2],
    ]);
  });

  it('exports a CSV with a byte-order mark and headings in the reader’s language', async () => {
    const res = await app.inject({
      url: `/api/v1/reports/volumes${q}&by=channel&format=csv`,
      headers: manager.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\n')[0]).toContain('Qeydə alınıb'); // the manager reads Azerbaijani
    expect(text).toContain('call_centre,2');
  });

  it('exports an XLSX that opens, right-to-left for an Arabic reader', async () => {
    const hr = await createOrg(db, 'hrdf');
    const ar = await signIn(app, 'hrdf', hr.userEmail('cs_manager'));
    const res = await app.inject({ url: `/api/v1/reports/backlog?format=xlsx`, headers: ar.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(String(ws.getRow(1).getCell(1).value)).toBe('القسم');
  });
});

describe('backlog and team', () => {
  it('buckets open cases by age and shows who holds them', async () => {
    const res = (await app.inject({ url: '/api/v1/reports/backlog', headers: manager.headers })).json();
    const total = res.rows.reduce((n: number, r: { total: number }) => n + r.total, 0);
    expect(total).toBe(4);
    const ages = res.rows.flatMap((r: { ages: Record<string, number> }) => Object.entries(r.ages));
    expect(ages.reduce((n: number, [, v]: [string, number]) => n + v, 0)).toBe(4);
    const team = (await app.inject({ url: '/api/v1/reports/team', headers: manager.headers })).json();
    expect(team.rows.reduce((n: number, r: { open: number }) => n + r.open, 0)).toBe(4);
  });

  it('keeps a department-scoped reader to their department', async () => {
    const staff = kh.profile.users.find((u) => u.role === 'qa_officer');
    expect(staff).toBeTruthy();
    const qa = await signIn(app, 'kontakt-home', staff!.email.toLowerCase());
    const res = await app.inject({ url: '/api/v1/reports/backlog?department=stores', headers: qa.headers });
    expect(res.statusCode).toBe(200); // the QA officer reads the whole org
    const bad = await app.inject({ url: '/api/v1/reports/backlog?department=nope', headers: qa.headers });
    expect(bad.statusCode).toBe(400);
  });
});
