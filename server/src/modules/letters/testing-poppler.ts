// Test helpers: read a rendered letter back with Debian's poppler-utils (pdfinfo, pdftotext, pdffonts),
// the same tools a person on Linux would open it with. A missing tool fails loudly, never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(tool: 'pdfinfo' | 'pdftotext' | 'pdffonts', args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${tool} is not installed: install poppler-utils (apt-get install poppler-utils) to run these tests`,
    );
  }
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** Writes the PDF to a temporary file for the duration of `use`. */
export function withPdfFile<T>(pdf: Buffer, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'riza-letter-'));
  try {
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfInfo {
  pages: number;
  /** What poppler complained about while reading the file (empty for a well-formed PDF). */
  warnings: string;
  fields: Record<string, string>;
}

export function pdfInfo(pdf: Buffer): PdfInfo {
  return withPdfFile(pdf, (path) => {
    const { stdout, stderr } = run('pdfinfo', [path]);
    const fields = Object.fromEntries(
      stdout
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!.trim(), m[2]!.trim()]),
    );
    return { pages: Number(fields.Pages), warnings: stderr.trim(), fields };
  });
}

/** pdftotext in its default reading-order mode, optionally for a page range. */
export function pdfText(pdf: Buffer, pages?: { first: number; last?: number }): string {
  return withPdfFile(pdf, (path) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last ?? pages.first)] : [];
    return run('pdftotext', ['-enc', 'UTF-8', ...range, path, '-']).stdout;
  });
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(pdf: Buffer): PdfFont[] {
  return withPdfFile(pdf, (path) =>
    run('pdffonts', [path])
      .stdout.split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        // name, type (may contain spaces), encoding, emb, sub, uni, object, ID
        const cols = line.trim().split(/\s+/);
        return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols.at(-5) === 'yes' };
      }),
  );
}

/**
 * Extracted text made comparable: poppler wraps right-to-left text in embedding marks (U+202A–U+202E)
 * and lines end where the page wrapped them; both say nothing about the words.
 */
export function normalizeExtracted(text: string): string {
  return text
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Extracted right-to-left text without whitespace and Latin punctuation. Where a line changes
 * direction, poppler puts the space, colon or full stop on either side of the change by its own guess;
 * what remains — every letter and digit in reading order — is what the layout decides.
 */
export function squashExtracted(text: string): string {
  return normalizeExtracted(text).replace(/[\s.,:;]+/g, '');
}

export interface PdfWord {
  /** As poppler reads it: right-to-left words come in visual order (reversed). */
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Words with their boxes (pdftotext -bbox), in points from the top-left corner of the page. */
export function pdfWords(pdf: Buffer, page = 1): PdfWord[] {
  const html = withPdfFile(
    pdf,
    (path) =>
      run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-']).stdout,
  );
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    text: decode(m[5]!).trim(),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** Fails at once with the install hint when poppler-utils is absent. */
export function requirePoppler(): void {
  for (const tool of ['pdfinfo', 'pdftotext', 'pdffonts'] as const) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`${tool} is not installed: install poppler-utils (apt-get install poppler-utils)`);
      }
      // `-v` exits non-zero on some poppler versions; the tool is there, which is all we check.
    }
  }
}
