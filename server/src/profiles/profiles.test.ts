import { isValidPhoneNumber, parsePhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { ROLE_CODES } from '../modules/access/permissions.ts';
import { type FormLookups, validateCaseInput } from '../modules/cases/case-form.ts';
import { LOCALES, type LocalizedText } from '../platform/i18n/locales.ts';
import { findProfile, PROFILES } from './index.ts';
import type { PolicyProfile } from './types.ts';

/** Every translatable text in a profile, with a path that says where it is. */
function texts(p: PolicyProfile): [string, LocalizedText][] {
  const out: [string, LocalizedText][] = [['name', p.name]];
  for (const [type, t] of Object.entries(p.caseTypes)) if (t?.name) out.push([`caseTypes.${type}`, t.name]);
  for (const [role, name] of Object.entries(p.roles)) if (name) out.push([`roles.${role}`, name]);
  for (const d of p.departments) out.push([`departments.${d.code}`, d.name]);
  for (const s of p.services) out.push([`services.${s.code}`, s.name]);
  for (const c of p.categories) out.push([`categories.${c.code}`, c.name]);
  for (const f of p.form) {
    out.push([`form.${f.key}`, f.label]);
    for (const o of f.options ?? []) out.push([`form.${f.key}.${o.value}`, o.label]);
  }
  return out;
}

function codes<T extends { code: string }>(items: T[]): Set<string> {
  return new Set(items.map((i) => i.code));
}

describe('policy profiles', () => {
  it('ships the five seed policies in seed order', () => {
    expect(PROFILES.map((p) => p.policyId)).toEqual(['UM', 'JM', 'PH', 'HR', 'KH']);
    expect(PROFILES.map((p) => p.slug)).toEqual(['umniah', 'jusan-mobile', 'sawa', 'hrdf', 'kontakt-home']);
    expect(findProfile('KH')?.slug).toBe('kontakt-home');
    expect(findProfile('sawa')?.policyId).toBe('PH');
  });

  it('has unique slugs and case prefixes, and KH numbers its cases KH-…', () => {
    expect(new Set(PROFILES.map((p) => p.slug)).size).toBe(PROFILES.length);
    expect(new Set(PROFILES.map((p) => p.casePrefix)).size).toBe(PROFILES.length);
    for (const p of PROFILES) expect(p.casePrefix).toMatch(/^[A-Z]{2,4}$/);
    expect(findProfile('kontakt-home')?.casePrefix).toBe('KH');
  });

  it('sets country, language, time zone and calendar per organisation', () => {
    const summary = PROFILES.map((p) => [p.policyId, p.country, p.defaultLocale, p.timezone, p.hijri]);
    expect(summary).toEqual([
      ['UM', 'JO', 'ar', 'Asia/Amman', false],
      ['JM', 'KZ', 'kk', 'Asia/Almaty', false],
      ['PH', 'SY', 'ar', 'Asia/Damascus', false],
      ['HR', 'SA', 'ar', 'Asia/Riyadh', true],
      ['KH', 'AZ', 'az', 'Asia/Baku', false],
    ]);
    for (const p of PROFILES) {
      expect(p.locales).toContain(p.defaultLocale);
      expect(p.locales).toContain('en');
      for (const l of p.locales) expect(LOCALES).toContain(l);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: p.timezone })).not.toThrow();
    }
    expect(findProfile('JM')?.locales).toEqual(expect.arrayContaining(['kk', 'ru']));
  });

  describe.each(PROFILES.map((p) => [p.policyId, p] as const))('%s', (_id, p) => {
    it('names everything in all five languages', () => {
      const missing: string[] = [];
      for (const [path, text] of texts(p)) {
        for (const l of LOCALES) if (!text[l]?.trim()) missing.push(`${path}.${l}`);
      }
      expect(missing).toEqual([]);
    });

    it('uses unique codes for departments, services and categories', () => {
      expect(codes(p.departments).size).toBe(p.departments.length);
      expect(codes(p.services).size).toBe(p.services.length);
      expect(codes(p.categories).size).toBe(p.categories.length);
      expect(new Set(p.form.map((f) => f.key)).size).toBe(p.form.length);
    });

    it('lists the contact centre first, and has 8–15 categories each routed to an existing department', () => {
      // Uncategorised cases go to the contact-centre queue whose code sorts first.
      const contactCentres = p.departments.filter((d) => d.kind === 'contact_centre').map((d) => d.code);
      expect(p.departments[0]?.kind).toBe('contact_centre');
      expect(contactCentres.sort()[0]).toBe(p.departments[0]?.code);
      expect(p.categories.length).toBeGreaterThanOrEqual(8);
      expect(p.categories.length).toBeLessThanOrEqual(15);
      const departments = codes(p.departments);
      for (const c of p.categories) expect(departments, c.code).toContain(c.department);
    });

    it('handles matters of health or safety at once', () => {
      const safety = p.categories.filter((c) => c.healthOrSafety);
      expect(safety.length).toBeGreaterThan(0);
      for (const c of safety) expect(c.defaultPriority, c.code).toBe('urgent');
    });

    it('enables at least complaints, on at least one channel', () => {
      expect(p.caseTypes.complaint?.enabled).toBe(true);
      expect(p.channels.length).toBeGreaterThan(0);
      expect(new Set(p.channels).size).toBe(p.channels.length);
    });

    it('gives every department exactly one lead, who works in it', () => {
      for (const d of p.departments) {
        const leads = p.users.filter((u) => u.leads === d.code);
        expect(leads, d.code).toHaveLength(1);
        expect(leads[0]?.department, d.code).toBe(d.code);
      }
      const departments = codes(p.departments);
      for (const u of p.users) {
        if (u.leads) expect(departments).toContain(u.leads);
        if (u.department) expect(departments, u.email).toContain(u.department);
      }
    });

    it('has one administrator at admin@<slug>.demo, a customer-service manager, and a user for every role', () => {
      const admins = p.users.filter((u) => u.role === 'administrator');
      expect(admins.map((a) => a.email)).toEqual([`admin@${p.slug}.demo`]);
      expect(p.users.some((u) => u.role === 'cs_manager')).toBe(true);
      const roles = Object.keys(p.roles);
      for (const r of roles) expect(ROLE_CODES).toContain(r);
      expect(new Set(p.users.map((u) => u.role))).toEqual(new Set(roles));
    });

    it('gives users unique demo e-mail addresses and a language of the organisation', () => {
      const emails = p.users.map((u) => u.email);
      expect(new Set(emails).size).toBe(emails.length);
      for (const u of p.users) {
        expect(u.email).toMatch(new RegExp(`^[a-z0-9.]+@${p.slug.replace('-', '\\-')}\\.demo$`));
        expect(p.locales).toContain(u.locale);
        expect(u.displayName.trim()).not.toBe('');
      }
    });

    it('has an approved form that always asks for the phone number and the description', () => {
      const required = p.form.filter((f) => f.required).map((f) => f.key);
      expect(required).toContain('phone');
      expect(required).toContain('description');
      expect(p.form.some((f) => f.key === 'remedy_sought')).toBe(true);
      for (const f of p.form) if (f.maxLength !== undefined) expect(f.maxLength).toBeGreaterThan(0);
    });

    it('ships 6–10 sample cases that fit the configuration', () => {
      expect(p.sampleCases.length).toBeGreaterThanOrEqual(6);
      expect(p.sampleCases.length).toBeLessThanOrEqual(10);
      const categories = codes(p.categories);
      const services = codes(p.services);
      for (const c of p.sampleCases) {
        expect(categories, c.subject).toContain(c.category);
        if (c.service) expect(services, c.subject).toContain(c.service);
        expect(p.channels, c.subject).toContain(c.channel);
        expect(p.caseTypes[c.type]?.enabled, c.subject).toBe(true);
        expect(p.locales, c.subject).toContain(c.locale);
        expect(c.subject.trim()).not.toBe('');
        expect(c.description.trim()).not.toBe('');
        if (c.customer.kind === 'business') expect(c.customer.businessName?.trim()).toBeTruthy();
      }
      expect(new Set(p.sampleCases.map((c) => c.stage)).size).toBeGreaterThanOrEqual(5);
    });

    it('ships sample cases that pass its own approved form', () => {
      const lookups: FormLookups = {
        country: p.country,
        enabledTypes: new Set(Object.entries(p.caseTypes).flatMap(([t, v]) => (v?.enabled ? [t] : []))),
        enabledChannels: new Set(p.channels),
        categories: new Map(
          p.categories.map((c) => [
            c.code,
            {
              id: c.code,
              active: true,
              department_id: c.department,
              default_priority: c.defaultPriority ?? 'normal',
              health_or_safety: c.healthOrSafety ?? false,
            },
          ]),
        ),
        services: new Map(p.services.map((s) => [s.code, { id: s.code, active: true }])),
      };
      for (const c of p.sampleCases) {
        const result = validateCaseInput({ ...c, customer: { ...c.customer } }, p.form, lookups);
        expect(result.ok ? [] : result.errors, c.subject).toEqual([]);
      }
    });

    it('writes customer phone numbers in E.164, valid for the organisation’s country', () => {
      for (const c of p.sampleCases) {
        const phone = c.customer.phone;
        expect(phone, c.subject).toMatch(/^\+[1-9]\d{7,14}$/);
        expect(isValidPhoneNumber(phone), phone).toBe(true);
        expect(parsePhoneNumber(phone).country, phone).toBe(p.country);
      }
    });
  });

  it('covers every demo stage across the profiles', () => {
    const stages = new Set(PROFILES.flatMap((p) => p.sampleCases.map((c) => c.stage)));
    expect(stages).toEqual(
      new Set(['received', 'acknowledged', 'transferred', 'responded', 'closed', 'resolved_on_the_spot']),
    );
  });

  describe('Kontakt Home form (policy §2)', () => {
    const kh = findProfile('KH')!;
    const field = (key: string) => kh.form.find((f) => f.key === key);

    it('requires exactly name, surname, father’s name, contact number and the nature of the complaint', () => {
      const required = kh.form.filter((f) => f.required).map((f) => f.key);
      expect(required.sort()).toEqual(['description', 'first_name', 'last_name', 'patronymic', 'phone']);
    });

    it('asks for the employee who served the customer only "if known"', () => {
      expect(field('served_by')?.required).toBe(false);
      expect(field('served_by')?.label.az).toBe('Müştəriyə xidmət etmiş əməkdaşın adı (əgər bilirsə)');
    });

    it('labels the fields in Azerbaijani with the policy’s own words', () => {
      expect(field('first_name')?.label.az).toBe('Adı');
      expect(field('last_name')?.label.az).toBe('Soyadı');
      expect(field('patronymic')?.label.az).toBe('Atasının adı');
      expect(field('phone')?.label.az).toBe('Əlaqə nömrəsi');
      expect(field('description')?.label.az).toBe('Şikayətin xarakteri');
    });

    it('records the remedy the customer seeks (ISO 10002) without making it mandatory', () => {
      expect(field('remedy_sought')?.required).toBe(false);
    });

    it('uses the six channels the policy names', () => {
      expect([...kh.channels].sort()).toEqual([
        'call_centre',
        'chat',
        'email',
        'social',
        'store',
        'web_form',
      ]);
    });

    it('gives every sample customer a first name, surname and father’s name', () => {
      for (const c of kh.sampleCases) {
        expect(c.customer.firstName?.trim(), c.subject).toBeTruthy();
        expect(c.customer.lastName?.trim(), c.subject).toBeTruthy();
        expect(c.customer.patronymic?.trim(), c.subject).toBeTruthy();
      }
    });
  });

  it('gives HRDF a dedicated queue for establishment owners and asks for the ID number', () => {
    const hr = findProfile('HR')!;
    expect(hr.departments.filter((d) => d.kind === 'contact_centre').map((d) => d.code)).toEqual([
      'contact_centre',
      'owners_line',
    ]);
    expect(hr.form.some((f) => f.key === 'national_id')).toBe(true);
    expect(hr.channels).toEqual(expect.arrayContaining(['call_centre', 'chat', 'video', 'social']));
  });

  it('gives Sawa the QP-14 roles, including follow-up and after-sales staff', () => {
    const ph = findProfile('PH')!;
    expect(Object.keys(ph.roles)).toEqual(expect.arrayContaining(['follow_up_officer', 'after_sales_agent']));
    expect(ph.roles.cs_manager?.ar).toBe('مدير خدمة الزبائن');
    expect(ph.roles.follow_up_officer?.ar).toBe('موظف المتابعة');
  });
});
