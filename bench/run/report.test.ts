import { describe, expect, it } from 'vitest';
import { shortSql, verdict } from './report.ts';

describe('report helpers', () => {
  it('drops a long select list but keeps subqueries in it out of the FROM search', () => {
    const sql = `select "c"."id", ${'"c"."x", '.repeat(20)}(select "cc"."value" from "customer_contacts" as "cc" limit $1) as "p" from "cases" as "c" where "c"."org_id" = $2`;
    expect(shortSql(sql)).toBe('select … from "cases" as "c" where "c"."org_id" = $2');
    expect(shortSql('select 1 from t')).toBe('select 1 from t');
  });

  it('says by how much a target is missed, in both directions', () => {
    expect(verdict(40, 50, 'max')).toBe('met');
    expect(verdict(75, 50, 'max')).toBe('missed by 25 (1.5× the target)');
    expect(verdict(250, 1000, 'min')).toBe('missed by 750 (25 % of the target)');
  });
});
