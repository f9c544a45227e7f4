// Disguised and hostile uploads, through the staff and the portal endpoints: a program or a web
// page renamed to an image or a PDF is refused on its content, an oversize file leaves nothing
// behind, and names with paths, device names, NUL bytes or a right-to-left override never reach
// the file system — the bytes live only under generated keys inside the storage folder.
import { type Dirent, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound } from '../../server/src/modules/channels/ingest.ts';
import type { Db } from '../../server/src/platform/db/db.ts';
import { LocalDiskStore } from '../../server/src/platform/storage/storage.ts';
import { createTestDatabase } from '../db.ts';
import { createOrg, type TestOrg } from '../factories.ts';
import { createTestApp, type Session, signIn } from '../http.ts';
import { emailChannel } from './email-channel.ts';
import { newIp, openPortalCase, type PortalCase } from './portal-session.ts';

const MAX = 8192;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e20000000049454e44ae426082',
  'hex',
);
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');

const DISGUISED: [string, string, Buffer][] = [
  ['PHP script named .pdf', 'invoice.pdf', Buffer.from("<?php system($_GET['c']); ?>\n")],
  [
    'ELF program named .jpg',
    'photo.jpg',
    Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]),
  ],
  ['Windows program named .png', 'scan.png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
  [
    'HTML page named .pdf',
    'letter.pdf',
    Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
  ],
  [
    'SVG with a script named .png',
    'logo.png',
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  ],
  ['a real JPEG named .png', 'receipt.png', Buffer.concat([JPEG_HEAD, Buffer.alloc(64)])],
  ['a real PNG named .exe behind a right-to-left override', 'photo\u202Egnp.exe', PNG],
  ['a real PNG named .php', 'shell.png.php', PNG],
  ['an empty file', 'empty.pdf', Buffer.alloc(0)],
];

let db: Db;
let app: FastifyInstance;
let um: TestOrg;
let agent: Session;
let sandbox: string;
let storage: string;
let staffCaseId: string;
let portal: PortalCase;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  um = await createOrg(db, 'umniah');
  // storage deep inside a sandbox: anything climbing out of it would land in the sandbox, seen
  sandbox = mkdtempSync(path.join(tmpdir(), 'riza-upload-sandbox-'));
  storage = path.join(sandbox, 'a', 'b', 'files');
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }));
  app = await createTestApp(db, { RIZA_UPLOAD_MAX_BYTES: String(MAX), RIZA_STORAGE_DIR: storage });
  agent = await signIn(app, 'umniah', um.userEmail('agent'));
  const complaint = (channel: string) => ({
    type: 'complaint',
    channel,
    service: 'postpaid',
    category: 'bill_dispute',
    description: 'تم خصم مبلغ من فاتورتي لخدمة لم أطلبها.',
    locale: 'ar',
    consent: channel === 'web_form' ? true : undefined,
    customer: { firstName: 'سارة', lastName: 'العلي', phone: `+96279${String(Date.now()).slice(-7)}` },
  });
  const staff = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: agent.headers,
    payload: complaint('call_centre'),
  });
  staffCaseId = staff.json().id;
  portal = await openPortalCase(app, db, 'umniah', {
    ...complaint('web_form'),
    customer: { firstName: 'ليلى', lastName: 'حداد', phone: '+962795550101' },
  });
});

/** A multipart body with one file; the name goes in raw UTF-8, as browsers send it. */
function multipart(filename: string, data: Buffer) {
  const boundary = '----riza-upload-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

type Door = 'staff' | 'portal';
async function upload(door: Door, filename: string, data: Buffer, lang = 'en') {
  const body = multipart(filename, data);
  return app.inject({
    method: 'POST',
    url:
      door === 'staff'
        ? `/api/v1/cases/${staffCaseId}/attachments`
        : `/api/v1/portal/umniah/cases/${portal.number}/attachments`,
    headers: {
      ...(door === 'staff' ? agent.headers : portal.headers),
      ...body.headers,
      'x-forwarded-for': newIp(),
      'accept-language': lang,
    },
    payload: body.payload,
  });
}

/** Every file under the sandbox, relative to it. */
function filesOnDisk(): string[] {
  return (readdirSync(sandbox, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(sandbox, path.join(d.parentPath, d.name)))
    .sort();
}

const attachmentRows = () =>
  db
    .selectFrom('attachments')
    .select(['filename', 'storage_key'])
    .where('org_id', '=', um.org.orgId)
    .execute();

describe('disguised files', () => {
  for (const door of ['staff', 'portal'] as Door[]) {
    it(`are refused on their content through the ${door} upload, in the caller's language, and nothing is stored`, async () => {
      const before = filesOnDisk();
      for (const [what, name, data] of DISGUISED) {
        const res = await upload(door, name, data, 'ru');
        expect(res.statusCode, `${what}: ${res.body}`).toBe(415);
        expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(res.json().error.message).toMatch(/Этот тип файла не принимается/);
      }
      expect(await attachmentRows()).toEqual([]);
      expect(filesOnDisk()).toEqual(before);
    });
  }

  it('refuses an oversize file with a localised 413 and leaves no partial file', async () => {
    const before = filesOnDisk();
    for (const door of ['staff', 'portal'] as Door[]) {
      const res = await upload(door, 'big.png', Buffer.concat([PNG, Buffer.alloc(MAX * 3)]), 'ar');
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.json().error.message).toMatch(/[\u0600-\u06FF]/);
    }
    expect(await attachmentRows()).toEqual([]);
    expect(filesOnDisk()).toEqual(before);
  });
});

describe('hostile file names', () => {
  it('never reach the file system: names are cleaned, bytes stored under generated keys in the storage folder', async () => {
    const names: [string, string][] = [
      ['../../etc/passwd.png', 'passwd.png'],
      ['..\\..\\..\\boot.ini.png', 'boot.ini.png'],
      ['/etc/cron.d/job.png', 'job.png'],
      ['....//....//hidden.png', 'hidden.png'],
      ['con.png', '_con.png'],
      ['LPT1.png', '_LPT1.png'],
      ['a\u0000b.png', 'ab.png'],
      ['invoice\u202Efdp.png', 'invoicefdp.png'],
      ['\u2067report\u2069.png', 'report.png'],
    ];
    const stored: { name: string; filename: string; id: string; door: Door }[] = [];
    for (const [i, [name, expected]] of names.entries()) {
      const door: Door = i % 2 ? 'portal' : 'staff';
      const res = await upload(door, name, PNG);
      expect(res.statusCode, `${JSON.stringify(name)}: ${res.body}`).toBe(201);
      expect(res.json().filename, JSON.stringify(name)).toBe(expected);
      stored.push({ name, filename: res.json().filename, id: res.json().id, door });
    }
    // on disk: only generated keys (org/yyyy/mm/uuid) under the storage folder, one per upload
    const onDisk = filesOnDisk();
    expect(onDisk).toHaveLength(names.length);
    for (const f of onDisk) {
      expect(f.startsWith(`${path.relative(sandbox, storage)}${path.sep}`), f).toBe(true);
      expect(path.relative(storage, path.join(sandbox, f))).toMatch(
        /^[0-9a-f-]{36}\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/,
      );
    }
    // the staff download names the file safely: encoded, one header line, no override characters
    for (const s of stored.filter((x) => x.door === 'staff')) {
      const res = await app.inject({
        url: `/api/v1/cases/${staffCaseId}/attachments/${s.id}`,
        headers: agent.headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PNG)).toBe(true);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(s.filename)}`,
      );
    }
  });

  it('keeps the same rules for files that come with an e-mail: disguised ones left out, names cleaned', async () => {
    const before = filesOnDisk();
    const channel = await emailChannel(db, um.org.orgId, 'customer_care');
    const store = new LocalDiskStore(storage);
    const result = await db.transaction().execute((trx) =>
      ingestInbound(
        trx,
        um.org,
        channel,
        {
          externalId: '<uploads-1@mail.example>',
          threadKey: null,
          subject: 'الفاتورة',
          text: 'مرفق صورة الفاتورة',
          from: { name: 'سارة', email: 'sara@mail.example' },
          receivedAt: new Date(),
          attachments: [
            ...DISGUISED.filter(([, , data]) => data.length > 0).map(([, filename, content]) => ({
              filename,
              contentType: 'application/pdf',
              content,
            })),
            { filename: '../../../etc/cron.d/\u202Egnp.png', contentType: 'image/png', content: PNG },
          ],
        },
        { store },
      ),
    );
    const kept = await db
      .selectFrom('attachments')
      .select(['filename', 'storage_key'])
      .where('org_id', '=', um.org.orgId)
      .where('case_id', '=', result.caseId)
      .execute();
    expect(kept.map((a) => a.filename)).toEqual(['gnp.png']);
    const refused = await db
      .selectFrom('case_events')
      .select('data')
      .where('org_id', '=', um.org.orgId)
      .where('case_id', '=', result.caseId)
      .where('type', '=', 'attachment_refused')
      .execute();
    expect(refused).toHaveLength(DISGUISED.length - 1);
    expect(filesOnDisk()).toEqual(
      [...before, path.relative(sandbox, path.join(storage, kept[0]!.storage_key))].sort(),
    );
  });

  it('serves a PDF that also looks like a web page only as a PDF download, never as a page', async () => {
    const polyglot = Buffer.from(
      '%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n',
    );
    const up = await upload('staff', 'statement.pdf', polyglot);
    expect(up.statusCode, up.body).toBe(201);
    const res = await app.inject({
      url: `/api/v1/cases/${staffCaseId}/attachments/${up.json().id}`,
      headers: agent.headers,
    });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  });
});
