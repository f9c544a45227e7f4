import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.ts';

describe('parseCsv', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line 1\nline 2"\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line 1\nline 2'],
    ]);
  });

  it('reads a last line without a line break and skips a byte-order mark', () => {
    expect(parseCsv('\ufeffh1,h2\n1,')).toEqual([
      ['h1', 'h2'],
      ['1', ''],
    ]);
  });

  it('keys records by the header line', () => {
    expect(parseCsvRecords('Issue,Company\nLate fee,"ACME, INC."\n')).toEqual([
      { Issue: 'Late fee', Company: 'ACME, INC.' },
    ]);
  });
});
