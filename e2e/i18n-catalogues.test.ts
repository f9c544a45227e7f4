// The five web catalogues stay complete: every key of the English catalogue exists in every
// language, plural keys carry every form that language's Intl.PluralRules uses (Arabic: six),
// placeholders match, and every literal key the code asks for exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Tree } from '../web/src/i18n/catalogues.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk2, vv] of flatten(v, `${prefix + k}.`)) out.set(kk2, vv);
  }
  return out;
}

/** key → forms present (plural keys) or null (plain keys) */
function shape(flat: Map<string, string>): Map<string, Set<string> | null> {
  const out = new Map<string, Set<string> | null>();
  for (const key of flat.keys()) {
    const m = PLURAL.exec(key);
    if (!m) out.set(key, null);
    else {
      const base = key.slice(0, m.index);
      const forms = (out.get(base) as Set<string> | undefined) ?? new Set<string>();
      forms.add(m[1]!);
      out.set(base, forms);
    }
  }
  return out;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*(\w+)/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const english = flatten(CATALOGUES.en!);
const englishShape = shape(english);

describe('web catalogues', () => {
  for (const lng of ['ar', 'az', 'kk', 'ru']) {
    it(`${lng} has every key, every plural form its language uses, and the same placeholders`, () => {
      const flat = flatten(CATALOGUES[lng]!);
      const own = shape(flat);
      const categories = new Set(new Intl.PluralRules(lng).resolvedOptions().pluralCategories);
      const problems: string[] = [];
      for (const [key, forms] of englishShape) {
        if (forms === null) {
          const v = flat.get(key);
          if (!v?.trim()) problems.push(`missing ${key}`);
          else if (placeholders(v) !== placeholders(english.get(key)!))
            problems.push(`placeholders differ in ${key}`);
          continue;
        }
        const have = own.get(key);
        for (const c of categories) if (!have?.has(c)) problems.push(`missing ${key}_${c}`);
        const sample = english.get(`${key}_other`)!;
        for (const c of have ?? []) {
          if (
            placeholders(flat.get(`${key}_${c}`)!).replace('count', '') !==
            placeholders(sample).replace('count', '')
          )
            problems.push(`placeholders differ in ${key}_${c}`);
        }
      }
      for (const key of own.keys()) if (!englishShape.has(key)) problems.push(`not in English: ${key}`);
      expect(problems).toEqual([]);
    });
  }

  it('has every literal key the web app asks for', () => {
    const root = path.resolve(import.meta.dirname, '../web/src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) files.push(p);
      }
    };
    walk(root);
    const missing: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) {
        const key = m[1]!;
        if (!englishShape.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
