import { describe, expect, it } from 'vitest';
import { pdfText, requirePoppler } from './testing-poppler.ts';

describe('poppler test helpers', () => {
  it('fail with an install hint, rather than skip, when poppler-utils is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => requirePoppler()).toThrow(/install poppler-utils/);
      expect(() => pdfText(Buffer.from('%PDF-1.7\n'))).toThrow(/install poppler-utils/);
    } finally {
      process.env.PATH = path;
    }
  });
});
