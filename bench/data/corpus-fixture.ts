// A few rows in the formats of the three reference files, for the generator's tests on a clone
// that has no ../shared/data beside it (the texts are written here, not copied from the data).
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

const csv = (rows: string[][]) =>
  `${rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\n')}\n`;

export async function writeCorpusFixture(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), 'riza-corpus-'));
  await fs.writeFile(
    path.join(dir, 'cfpb_complaints_sample_2023.csv'),
    csv([
      ['Date received', 'Product', 'Sub-product', 'Issue', 'Sub-issue', 'Consumer complaint narrative'],
      [
        '2023-08-25',
        'Checking account',
        '',
        'Fees',
        'Overdraft',
        'I was charged twice for one payment and nobody answers.',
      ],
      [
        '2023-08-26',
        'Credit card',
        'Store card',
        'Billing dispute',
        '',
        'The refund for my returned order never arrived.',
      ],
      ['2023-08-27', 'Mortgage', '', 'Payment trouble', 'Escrow', ''],
    ]),
  );
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('AJGT');
  sheet.addRow(['ID', 'Feed', 'Sentiment']);
  sheet.addRow([1, 'الانترنت مقطوع من يومين ولا أحد يرد على الشكوى', 'Negative']);
  sheet.addRow([2, 'الفاتورة أعلى من الاستهلاك الحقيقي', 'Negative']);
  sheet.addRow([3, 'شكرا على سرعة الخدمة', 'Positive']);
  await book.xlsx.writeFile(path.join(dir, 'AJGT.xlsx'));
  await fs.writeFile(
    path.join(dir, 'kazsandra_10_sc_test.csv'),
    csv([
      ['custom_id', 'text', 'text_cleaned', 'label', 'domain'],
      ['a1', 'Тапсырыс екі апта келмеді, ақшаны қайтармады.', '', '0', 'market'],
      ['a2', 'Қосымша жиі қатып қалады, қолдау қызметі жауап бермейді.', '', '1', 'appstore'],
      ['a3', 'Өте ыңғайлы қызмет, рақмет!', '', '4', 'market'],
    ]),
  );
  return dir;
}
