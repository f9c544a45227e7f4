// The direction given to what a customer types (Mantine cannot apply dir="auto" to the field
// itself): the first letter decides, as dir="auto" would.
import { describe, expect, it } from 'vitest';
import { typedDirection } from '../../web/src/routes/portal/text-direction.ts';

describe('typedDirection', () => {
  it('reads Arabic right to left and Latin or Cyrillic left to right', () => {
    expect(typedDirection('وصلتني فاتورة خاطئة')).toBe('rtl');
    expect(typedDirection('Soyuducu xarab gəldi')).toBe('ltr');
    expect(typedDirection('Холодильник сломался')).toBe('ltr');
  });

  it('lets the first letter decide, not digits or punctuation before it', () => {
    expect(typedDirection('45 دينارًا بدل 20')).toBe('rtl');
    expect(typedDirection('«Umniah» فاتورة')).toBe('ltr');
  });

  it('leaves text without letters to the page', () => {
    expect(typedDirection('')).toBeUndefined();
    expect(typedDirection('+962 79 123 4567')).toBeUndefined();
  });
});
