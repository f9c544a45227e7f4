// Reports as files people open in a spreadsheet: XLSX and CSV written by exceljs. CSV starts with a
// UTF-8 byte-order mark so Excel shows Arabic and Cyrillic text correctly; an XLSX sheet is
// right-to-left when the reader's language is.
import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/locales.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Excel number format, e.g. '0.0%' */
  numFmt?: string;
  width?: number;
}

export async function exportTable<T>(
  rows: T[],
  columns: ExportColumn<T>[],
  format: ExportFormat,
  opts: { sheet: string; locale: Locale },
): Promise<{ body: Buffer; contentType: string; extension: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Riza';
  const ws = wb.addWorksheet(opts.sheet.slice(0, 31), { views: [{ rightToLeft: opts.locale === 'ar' }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length + 2),
  }));
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  if (format === 'xlsx') {
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    return {
      body,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  }
  const csv = Buffer.from(await wb.csv.writeBuffer());
  return {
    body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]),
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
  };
}
