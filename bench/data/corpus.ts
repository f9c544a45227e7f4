// Real multilingual text for generated cases, read at run time from ../shared/data (never copied
// into the repository): English CFPB complaints, Jordanian Arabic tweets (AJGT), Kazakh reviews
// (KazSAnDRA); plus the profiles' own sample cases and synthetic phrases (./phrases.ts).
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locale } from '../../server/src/platform/i18n/locales.ts';
import { PROFILES } from '../../server/src/profiles/index.ts';
import { parseCsvRecords } from '../lib/csv.ts';
import { REPO_ROOT } from '../lib/postgres.ts';
import type { Rng } from '../lib/random.ts';
import { PHRASES } from './phrases.ts';

export const SHARED_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data');
const FILES = {
  cfpb: 'cfpb_complaints_sample_2023.csv',
  ajgt: 'AJGT.xlsx',
  kazsandra: 'kazsandra_10_sc_test.csv',
} as const;

/** Texts by language and mood: `negative` feeds complaints, `positive` compliments. */
export interface Corpus {
  negative: Record<Locale, string[]>;
  positive: Record<Locale, string[]>;
  /** English subject lines from the CFPB "Issue" column */
  englishIssues: string[];
  counts: Record<string, number>;
}

export class MissingDataError extends Error {}

function requireFiles(dir: string): void {
  const missing = Object.values(FILES).filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length) {
    throw new MissingDataError(
      `The reference data is missing: ${missing.join(', ')} not found in ${dir}.\n` +
        'The generator reads these files from ../shared/data (beside the repository) at run time and ' +
        'never copies them into the repository; see ../shared/data/README.md for what they are.',
    );
  }
}

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** Cuts a long narrative at a sentence end near `max` characters. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > max / 2 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export async function loadCorpus(dir = SHARED_DATA_DIR): Promise<Corpus> {
  requireFiles(dir);
  const empty = (): Record<Locale, string[]> => ({ ar: [], en: [], ru: [], kk: [], az: [] });
  const negative = empty();
  const positive = empty();

  const cfpb = parseCsvRecords(await fs.readFile(path.join(dir, FILES.cfpb), 'utf8'));
  const englishIssues: string[] = [];
  for (const r of cfpb) {
    const narrative = r['Consumer complaint narrative']?.trim();
    const issue = r.Issue?.trim();
    if (issue) englishIssues.push(issue);
    if (narrative) negative.en.push(clip(narrative, 1200));
    else if (issue) {
      const sub = r['Sub-issue'] ? ` (${r['Sub-issue']})` : '';
      const product = [r.Product, r['Sub-product']].filter(Boolean).join(', ');
      negative.en.push(`${issue}${sub}. ${product}.`);
    }
  }

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dir, FILES.ajgt));
  const sheet = workbook.worksheets[0];
  sheet?.eachRow((row, n) => {
    if (n === 1) return;
    const text = String(row.getCell(2).text ?? '')
      .replace(/\u200b/g, '')
      .trim();
    const mood = String(row.getCell(3).text ?? '');
    if (text) (mood === 'Positive' ? positive : negative).ar.push(text);
  });

  const kaz = parseCsvRecords(await fs.readFile(path.join(dir, FILES.kazsandra), 'utf8'));
  for (const r of kaz) {
    const text = r.text?.trim();
    if (!text || !KAZAKH_LETTERS.test(text)) continue;
    const score = Number(r.label);
    if (score <= 1) negative.kk.push(clip(text, 800));
    else if (score >= 4) positive.kk.push(clip(text, 800));
  }

  // The profiles' sample cases: the only real-looking Russian and Azerbaijani complaints at hand.
  for (const p of PROFILES) {
    for (const s of p.sampleCases) {
      (s.type === 'compliment' ? positive : negative)[s.locale].push(s.description);
    }
  }
  const counts: Record<string, number> = {
    'cfpb complaints': cfpb.length,
    'ajgt tweets': negative.ar.length + positive.ar.length,
    'kazsandra kazakh reviews': negative.kk.length + positive.kk.length,
  };
  return { negative, positive, englishIssues, counts };
}

const ORDER_PREFIX = ['', 'A', 'KZ', 'UM-', '#'];

function fillSlots(template: string, locale: Locale, rng: Rng): string {
  const p = PHRASES[locale];
  return template.replace(/\{(n|amount|order|date|place)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'n':
        return String(rng.int(2, 14));
      case 'amount':
        return `${rng.int(1, 400) * 5}`;
      case 'order':
        return `${rng.pick(ORDER_PREFIX)}${rng.int(100000, 9999999)}`;
      case 'date':
        return `${rng.int(1, 28)}.${String(rng.int(1, 12)).padStart(2, '0')}.${rng.int(2023, 2026)}`;
      default:
        return rng.pick(p.places);
    }
  });
}

export interface CaseText {
  subject: string;
  description: string;
  remedySought: string | null;
}

/**
 * The text of one case: a real source text in its language (where the corpus has one) wrapped in
 * synthetic opening, problem and request sentences, so no two cases read exactly alike.
 */
export function caseText(
  corpus: Corpus,
  locale: Locale,
  type: string,
  categoryName: string,
  rng: Rng,
): CaseText {
  const p = PHRASES[locale];
  const pool = type === 'compliment' ? corpus.positive[locale] : corpus.negative[locale];
  const parts: string[] = [];
  if (rng.chance(0.6)) parts.push(rng.pick(p.openers));
  const problem = fillSlots(rng.pick(p.problems), locale, rng);
  const source =
    pool.length && rng.chance(locale === 'ru' || locale === 'az' ? 0.3 : 0.8) ? rng.pick(pool) : null;
  if (type === 'complaint' || !source) parts.push(problem);
  if (source) parts.push(source);
  if (rng.chance(0.35)) parts.push(fillSlots(rng.pick(p.problems), locale, rng));
  if (type === 'complaint' && rng.chance(0.7)) parts.push(rng.pick(p.requests));
  const description = parts.join(' ');
  const subject =
    locale === 'en' && rng.chance(0.5)
      ? rng.pick(corpus.englishIssues)
      : rng.chance(0.5)
        ? categoryName
        : clip(problem, 90);
  const remedySought = type === 'complaint' && rng.chance(0.4) ? rng.pick(p.requests) : null;
  return { subject, description, remedySought };
}
