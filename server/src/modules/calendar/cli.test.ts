import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCalendarCommands } from './cli.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const readme = readFileSync(path.join(repoRoot, 'docs/calendars/README.md'), 'utf8');

interface Run {
  out: string;
  err: string;
  exitCode: number;
}

/** Runs `riza <args>` through commander in-process, capturing output and the exit code. */
async function riza(args: string[]): Promise<Run> {
  const run: Run = { out: '', err: '', exitCode: 0 };
  const program = new Command('riza').exitOverride();
  program.configureOutput({ writeOut: (s) => (run.out += s), writeErr: (s) => (run.err += s) });
  registerCalendarCommands(program);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    run.exitCode = e.exitCode;
  }
  return run;
}

/** Splits a documented command line like a shell would (double quotes only); docs paths → absolute. */
function argv(line: string): string[] {
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  return words.map((w) => (w.startsWith('docs/') ? path.join(repoRoot, w) : w));
}

const documented = [...readme.matchAll(/^\$ riza (.+)\n(.+)$/gm)].map((m) => ({
  command: m[1]!,
  output: m[2]!,
}));

describe('riza calendar (documented examples in docs/calendars/README.md)', () => {
  it('documents due and between examples for all five profiles', () => {
    for (const slug of ['umniah', 'jusan-mobile', 'sawa', 'hrdf', 'kontakt-home']) {
      const mine = documented.filter((d) => d.command.includes(`docs/calendars/${slug}.json`));
      expect(
        mine.some((d) => d.command.startsWith('calendar due')),
        slug,
      ).toBe(true);
      expect(
        mine.some((d) => d.command.startsWith('calendar between')),
        slug,
      ).toBe(true);
    }
  });

  it.each(documented)('$ riza $command → $output', async ({ command, output }) => {
    const run = await riza(argv(command));
    expect(run).toEqual({ out: `${output}\n`, err: '', exitCode: 0 });
  });
});

describe('riza calendar bad input', () => {
  const hrdf = path.join(repoRoot, 'docs/calendars/hrdf.json');
  const from = ['--from', '2026-11-26T19:00:00+03:00'];

  it.each([
    [['--add', '3 business weeks'], /--add must be "<N> business hours" or "<N> business days"/],
    [['--add', '1.5 business days'], /whole N for days/],
    [['--add', '3 business hours', '--bogus'], /unknown option '--bogus'/],
  ])('rejects %j with exit code 2 and a message on stderr', async (extra, message) => {
    const run = await riza(['calendar', 'due', '--calendar', hrdf, ...from, ...extra]);
    expect(run.exitCode).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toMatch(message);
  });

  it('rejects a start instant without an offset', async () => {
    const run = await riza([
      'calendar',
      'due',
      '--calendar',
      hrdf,
      '--from',
      '2026-11-26T19:00',
      '--add',
      '1 business day',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.err).toMatch(/--from must be an ISO 8601 instant with Z or an offset/);
  });

  it('rejects a missing required option', async () => {
    const run = await riza(['calendar', 'between', '--calendar', hrdf, ...from]);
    expect(run.exitCode).toBe(2);
    expect(run.err).toMatch(/required option '--to <instant>' not specified/);
  });

  it('rejects a missing file, a file that is not JSON, and an invalid calendar with its problems', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'riza-calendar-'));
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{ timezone: ');
    const invalid = path.join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ timezone: 'Asia/Riyadh', week: { sun: [['20:00', '08:00']] } }));
    const cases: [string, RegExp][] = [
      [path.join(dir, 'missing.json'), /cannot read calendar file .*missing\.json/],
      [notJson, /calendar file .*not\.json is not valid JSON/],
      [
        invalid,
        /invalid\.json is invalid:\n {2}week\.sun\[0\]: closing time 08:00 must be after opening time 20:00/,
      ],
    ];
    for (const [file, message] of cases) {
      const run = await riza(['calendar', 'due', '--calendar', file, ...from, '--add', '3 business hours']);
      expect(run.exitCode, file).toBe(2);
      expect(run.err, file).toMatch(message);
    }
  });

  it('prints negative hours when --to is before --from', async () => {
    const run = await riza([
      'calendar',
      'between',
      '--calendar',
      hrdf,
      '--from',
      '2026-11-29T10:00:00+03:00',
      '--to',
      '2026-11-26T19:00:00+03:00',
    ]);
    expect(run.out).toBe('-3\n');
  });
});
