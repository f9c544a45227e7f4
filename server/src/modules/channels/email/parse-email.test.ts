// How an e-mail is read: the customer's new words, its thread, and whether a machine sent it.
// Mail is parsed by mailparser from raw RFC 5322 text, as the listener and the IMAP fetch do.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { checkEmailConfig } from './email-config.ts';
import { replySubject } from './email-sender.ts';
import { automaticReason, readEmail, stripQuotedReply } from './parse-email.ts';

const parse = (headers: string[], body = 'Salam, soyuducu işləmir.') =>
  simpleParser([...headers, '', body, ''].join('\r\n'));

const PERSON = ['From: Leyla <leyla@example.az>', 'To: complaints@kontakt.example', 'Subject: Soyuducu'];
const at = new Date('2026-03-02T09:00:00Z');

describe('stripQuotedReply', () => {
  it('cuts the quoted previous message under an attribution line', () => {
    const text = [
      'Thank you, the courier can come on Monday.',
      '',
      'On Mon, 2 Mar 2026 at 10:00, Kontakt Home <complaints@kontakt.example> wrote:',
      '> Dear Leyla,',
      '> when can we collect the fridge?',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Thank you, the courier can come on Monday.');
  });

  it('cuts an attribution wrapped over two lines, and in Russian', () => {
    const wrapped = [
      'Подходит.',
      '',
      'On Mon, 2 Mar 2026 at 10:00, Kontakt Home <c@k.example>',
      'wrote:',
      '> Когда?',
    ];
    expect(stripQuotedReply(wrapped.join('\n'))).toBe('Подходит.');
    const ru = ['Да, в понедельник.', '', '2 марта 2026 г., 10:00, Kontakt Home пишет:', '> Когда удобно?'];
    expect(stripQuotedReply(ru.join('\n'))).toBe('Да, в понедельник.');
  });

  it('cuts an Outlook "Original Message" block, which carries no quote marks', () => {
    const text = [
      'Yes, Monday.',
      '',
      '-----Original Message-----',
      'From: Kontakt Home',
      'Subject: Re: Soyuducu',
    ];
    expect(stripQuotedReply(text.join('\r\n'))).toBe('Yes, Monday.');
  });

  it('keeps answers written between quoted lines, and a mail that is only a quote', () => {
    const interleaved = ['> When can we come?', 'Monday.', '> Which address?', 'Nizami 10.'].join('\n');
    expect(stripQuotedReply(interleaved)).toBe(interleaved);
    expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
  });

  it('keeps an attribution-looking line when words follow the quote', () => {
    const text = ['My neighbour wrote:', '> the fridge is broken', 'and mine is too.'].join('\n');
    expect(stripQuotedReply(text)).toBe(text);
  });
});

describe('automaticReason', () => {
  it('finds nothing automatic in a person’s mail, nor in Auto-Submitted: no', async () => {
    expect(automaticReason(await parse(PERSON), 'leyla@example.az')).toBeNull();
    expect(automaticReason(await parse([...PERSON, 'Auto-Submitted: no']), 'leyla@example.az')).toBeNull();
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'auto-submitted'],
    ['Auto-Submitted: auto-generated; reason=x', 'auto-submitted'],
    ['Precedence: bulk', 'precedence'],
    ['Precedence: junk', 'precedence'],
    ['Precedence: list', 'precedence'],
    ['List-Id: Deals <deals.example.az>', 'list'],
    ['X-Autoreply: yes', 'autoreply-header'],
    ['X-Autorespond: vacation', 'autoreply-header'],
  ])('recognises %s', async (header, reason) => {
    expect(automaticReason(await parse([...PERSON, header]), 'leyla@example.az')).toBe(reason);
  });

  it('recognises mailer daemons, the null sender and delivery reports', async () => {
    const daemon = await parse(['From: MAILER-DAEMON@mx.example.az', 'Subject: failure']);
    expect(automaticReason(daemon, 'x@mx.example.az')).toBe('mailer-daemon');
    const postmaster = await parse(['From: Postmaster <postmaster@mx.example.az>', 'Subject: failure']);
    expect(automaticReason(postmaster, 'x@mx.example.az')).toBe('mailer-daemon');
    expect(automaticReason(await parse(PERSON), '')).toBe('null-sender');
    // fetched by IMAP: the delivering server's Return-Path stands for the envelope
    expect(automaticReason(await parse(['Return-Path: <>', ...PERSON]))).toBe('null-sender');
    expect(automaticReason(await parse(['Return-Path: <leyla@example.az>', ...PERSON]))).toBeNull();
    const report = await parse(
      [
        ...PERSON,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary=B',
      ],
      '--B\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--B--',
    );
    expect(automaticReason(report, 'leyla@example.az')).toBe('bounce');
  });
});

describe('readEmail', () => {
  it('threads by the root of References, else In-Reply-To, else its own Message-ID', async () => {
    const both = await parse([
      ...PERSON,
      'Message-ID: <m3@a>',
      'In-Reply-To: <m2@a>',
      'References: <m1@a> <m2@a>',
    ]);
    const r = readEmail(both, { receivedAt: at, via: 'smtp' });
    expect(r.message).toMatchObject({ externalId: '<m3@a>', threadKey: '<m1@a>' });
    expect(r.message.references).toEqual(['<m2@a>', '<m1@a>']);
    const irt = readEmail(await parse([...PERSON, 'Message-ID: <m2@a>', 'In-Reply-To: <m1@a>']), {
      receivedAt: at,
      via: 'smtp',
    });
    expect(irt.message.threadKey).toBe('<m1@a>');
    const first = readEmail(await parse([...PERSON, 'Message-ID: <m1@a>']), { receivedAt: at, via: 'smtp' });
    expect(first.message.threadKey).toBe('<m1@a>');
  });

  it('gives a mail without Message-ID the same made-up id each time, and another mail another', async () => {
    const headers = [...PERSON, 'Date: Mon, 02 Mar 2026 10:00:00 +0400'];
    const a = readEmail(await parse(headers), { receivedAt: at, via: 'smtp' }).message.externalId;
    const again = readEmail(await parse(headers), { receivedAt: new Date(), via: 'imap' }).message.externalId;
    const other = readEmail(await parse(headers, 'Başqa mətn'), { receivedAt: at, via: 'smtp' }).message
      .externalId;
    expect(a).toMatch(/^<[0-9a-f]{40}@riza\.invalid>$/);
    expect(again).toBe(a);
    expect(other).not.toBe(a);
  });

  it('takes the customer from From, marks machine mail and keeps the limits of a case', async () => {
    const long = `${'ş'.repeat(300)}`;
    const r = readEmail(
      await parse([...PERSON.slice(1), `Subject: ${long}`, 'From: "Leyla M." <LEYLA@Example.AZ>']),
      {
        receivedAt: at,
        via: 'smtp',
      },
    );
    expect(r.message.from).toEqual({ name: 'Leyla M.', email: 'leyla@example.az' });
    expect(r.message.subject).toHaveLength(200);
    expect(r.message.automatic).toBe(false);
    const auto = readEmail(await parse([...PERSON, 'Auto-Submitted: auto-replied']), {
      receivedAt: at,
      via: 'smtp',
    });
    expect(auto.message.automatic).toBe(true);
    expect(auto.message.meta).toMatchObject({ automatic: 'auto-submitted' });
  });

  it('lets a bounce name the message that failed, and keeps its report parts off the case', async () => {
    const bounce = await parse(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.az>',
        'To: complaints@kontakt.example',
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <dsn1@mx.example.az>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary=B',
      ],
      [
        '--B',
        'Content-Type: text/plain',
        '',
        'The mail could not be delivered.',
        '--B',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.az',
        '',
        'Final-Recipient: rfc822; leyla@example.az',
        'Action: failed',
        'Status: 5.1.1',
        '--B',
        'Content-Type: text/rfc822-headers',
        '',
        'From: complaints@kontakt.example',
        'Message-ID: <reply-1@kontakt.example>',
        'Subject: Re: Soyuducu [KH-2026-000001]',
        '--B--',
      ].join('\r\n'),
    );
    const r = readEmail(bounce, { receivedAt: at, envelopeFrom: '', via: 'smtp' });
    expect(r.automatic).toBe('mailer-daemon');
    expect(r.message.references).toContain('<reply-1@kontakt.example>');
    expect(r.message.attachments).toEqual([]);
  });
});

describe('replySubject', () => {
  it('answers in the customer’s subject with the case number, without piling up prefixes or tags', () => {
    expect(replySubject('Soyuducu zədəli', 'KH-2026-000001')).toBe('Re: Soyuducu zədəli [KH-2026-000001]');
    expect(replySubject('RE: Re: Fwd: Soyuducu [KH-2026-000001]', 'KH-2026-000001')).toBe(
      'Re: Soyuducu [KH-2026-000001]',
    );
    expect(replySubject('', 'KH-2026-000001')).toBe('Re: [KH-2026-000001]');
  });
});

describe('checkEmailConfig', () => {
  it('accepts no settings, a sender name, and complete IMAP settings', () => {
    expect(checkEmailConfig({})).toEqual([]);
    expect(
      checkEmailConfig({
        fromName: 'Kontakt Home',
        imap: {
          host: 'imap.kontakt.example',
          port: 993,
          secure: true,
          user: 'c',
          password: 'p',
          mailbox: 'INBOX',
        },
      }),
    ).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = checkEmailConfig({
      smtp: {},
      fromName: 'two\nlines',
      imap: { host: 'bad host', port: 99999, secure: 'yes', user: '', password: '••••••', folder: 'x' },
    });
    expect(problems).toEqual([
      'smtp is not a setting of an e-mail channel',
      'fromName must be a single line of at most 100 characters',
      'imap.folder is not an IMAP setting',
      'imap.host must be a host name or IP address',
      'imap.port must be an integer between 1 and 65535',
      'imap.secure must be true or false',
      'imap.user is required',
      'imap.password must be given again',
    ]);
  });
});
