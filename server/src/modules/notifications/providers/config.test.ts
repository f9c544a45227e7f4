import { describe, expect, it } from 'vitest';
import { type ProviderConfig, parseProviderConfig, REDACTED, redactProviderConfig } from './config.ts';

const SMTP = {
  kind: 'smtp',
  host: 'smtp.example.com',
  port: 587,
  secure: false,
  user: 'mailer',
  password: 's3cret',
  from: '"Umniah Care" <care@umniah.example>',
};
const SMPP = {
  kind: 'smpp',
  host: '10.0.0.5',
  port: 2775,
  systemId: 'riza',
  password: 'pw123',
  sourceAddr: 'Kontakt',
};
const HTTP = {
  kind: 'http',
  url: 'https://sms.example.com/send?api_key=abc123',
  method: 'POST',
  headers: { Authorization: 'Bearer tok', 'X-Tenant': 'jusan' },
  bodyTemplate: '{"to":"{to}","text":"{text}","ref":"{id}","password":"hunter2"}',
  contentType: 'application/json',
};

describe('provider configuration', () => {
  it('accepts a valid configuration of each kind unchanged', () => {
    for (const json of [SMTP, SMPP, HTTP]) {
      expect(parseProviderConfig(json)).toEqual({ ok: true, config: json });
    }
  });

  it('names every problem of an invalid configuration at once', () => {
    const result = parseProviderConfig({
      ...SMTP,
      port: 70000,
      secure: 'yes',
      from: 'not an address',
      tls: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'tls is not a setting of a smtp provider',
      'port must be an integer between 1 and 65535 (got 70000)',
      'secure must be true or false (got "yes")',
      'from must be one e-mail address, optionally with a name: "Name" <a@example.com> (got "not an address")',
    ]);
  });

  it('refuses an unknown kind and a non-object', () => {
    expect(parseProviderConfig({ kind: 'fax' })).toEqual({
      ok: false,
      problems: ['kind must be one of smtp, smpp, http (got "fax")'],
    });
    expect(parseProviderConfig('smtp://x')).toMatchObject({ ok: false });
  });

  it('holds SMPP fields to the protocol sizes and value lists', () => {
    const result = parseProviderConfig({
      ...SMPP,
      systemId: 'a-very-long-system-id',
      password: '123456789',
      sourceNpi: 2,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'systemId must be at most 15 characters (got "a-very-long-system-id")',
        'password must be at most 8 characters (got "123456789")',
        'sourceNpi must be one of 0, 1, 3, 4, 6, 8, 9, 10, 14, 18 (got 2)',
      ],
    });
  });

  it('requires the recipient and text placeholders somewhere in an HTTP gateway request', () => {
    const result = parseProviderConfig({ ...HTTP, bodyTemplate: '{"to":"{to}"}' });
    expect(result).toEqual({ ok: false, problems: ['bodyTemplate or url must contain {text}'] });
  });

  it('refuses header values that could smuggle extra headers', () => {
    const result = parseProviderConfig({ ...HTTP, headers: { 'X-A': 'ok\r\nX-Injected: 1' } });
    expect(result).toEqual({ ok: false, problems: ['headers.X-A must be a single-line string'] });
  });

  it('asks for user and password together', () => {
    const { password: _, ...noPassword } = SMTP;
    expect(parseProviderConfig(noPassword)).toEqual({
      ok: false,
      problems: ['user and password must be given together'],
    });
  });

  it('hides passwords, credential headers and key-like parameters but keeps the rest', () => {
    const smtp = redactProviderConfig(SMTP as ProviderConfig);
    expect(smtp).toMatchObject({ password: REDACTED, user: 'mailer', host: 'smtp.example.com' });
    expect(redactProviderConfig(SMPP as ProviderConfig)).toMatchObject({
      password: REDACTED,
      systemId: 'riza',
    });
    const http = redactProviderConfig(HTTP as ProviderConfig);
    expect(http).toMatchObject({
      url: `https://sms.example.com/send?api_key=${REDACTED}`,
      headers: { Authorization: REDACTED, 'X-Tenant': 'jusan' },
      bodyTemplate: `{"to":"{to}","text":"{text}","ref":"{id}","password":"${REDACTED}"}`,
    });
    expect(JSON.stringify([smtp, http])).not.toMatch(/s3cret|abc123|tok|hunter2/);
  });

  it('hides a password written into the gateway URL', () => {
    const config = { ...HTTP, url: 'https://riza:pa55@sms.example.com/send?to={to}&text={text}' };
    expect(redactProviderConfig(config as ProviderConfig)).toMatchObject({
      url: `https://riza:${REDACTED}@sms.example.com/send?to={to}&text={text}`,
    });
  });
});
