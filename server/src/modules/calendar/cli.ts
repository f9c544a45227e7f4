// `riza calendar due|between`: lets an administrator check a calendar file (the admin API's JSON) before
// loading it. Output is one line on stdout; bad input is one clear message on stderr and exit code 2.
// Output and errors go through the ROOT command's commander settings (configureOutput, exitOverride),
// so the program that mounts these commands decides where text goes, whenever it configures that.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { addBusinessDays, addBusinessHours, businessMillisBetween } from './business-time.ts';
import { type CalendarSpec, parseCalendar } from './calendar.ts';

const EXIT_BAD_INPUT = 2;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const AMOUNT_RE = /^\s*(\d+(?:\.\d+)?)\s+business\s+(hours?|days?)\s*$/i;

class BadInput extends Error {}

function rootOf(cmd: Command): Command {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root;
}

function fail(cmd: Command, message: string): never {
  return rootOf(cmd).error(`error: ${message}`, { exitCode: EXIT_BAD_INPUT, code: 'riza.calendar.badInput' });
}

/** commander's own usage errors (unknown option, missing value) exit 2 like ours, via the root. */
function usageErrorsExit2(cmd: Command): Command {
  cmd.error = (message, options) =>
    rootOf(cmd).error(message, { exitCode: EXIT_BAD_INPUT, code: options?.code ?? 'riza.calendar.usage' });
  return cmd;
}

function print(cmd: Command, line: string): void {
  const write = rootOf(cmd).configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
  write(`${line}\n`);
}

async function loadCalendar(file: string): Promise<CalendarSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new BadInput(`cannot read calendar file ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BadInput(`calendar file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const result = parseCalendar(json);
  if (!result.ok) throw new BadInput(`calendar file ${file} is invalid:\n  ${result.problems.join('\n  ')}`);
  return result.calendar;
}

function parseInstant(value: string, option: string): Date {
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!INSTANT_RE.test(value) || !dt.isValid) {
    throw new BadInput(
      `${option} must be an ISO 8601 instant with Z or an offset, e.g. 2026-11-26T19:00:00+03:00`,
    );
  }
  return dt.toJSDate();
}

function parseAmount(value: string): { n: number; unit: 'hours' | 'days' } {
  const m = AMOUNT_RE.exec(value);
  const n = Number(m?.[1]);
  const unit = m?.[2]?.toLowerCase().startsWith('day') ? 'days' : 'hours';
  if (!m || !Number.isFinite(n) || (unit === 'days' && !Number.isInteger(n))) {
    throw new BadInput('--add must be "<N> business hours" or "<N> business days" (whole N for days)');
  }
  return { n, unit };
}

/** ISO 8601 in the calendar's zone, milliseconds only when non-zero: 2026-11-29T10:00:00+03:00. */
export function formatInstant(cal: CalendarSpec, at: Date): string {
  return DateTime.fromJSDate(at, { zone: cal.timezone }).toISO({ suppressMilliseconds: true })!;
}

/** Business hours with at most 4 decimals and no trailing zeros: 7.5, 0.0167, 27. */
export function formatHours(millis: number): string {
  return String(Math.round(millis / 360) / 10_000);
}

async function run(cmd: Command, body: () => Promise<string>): Promise<void> {
  let line: string;
  try {
    line = await body();
  } catch (e) {
    if (e instanceof BadInput || e instanceof RangeError) fail(cmd, e.message);
    throw e;
  }
  print(cmd, line);
}

export function registerCalendarCommands(program: Command): void {
  const calendar = usageErrorsExit2(
    program.command('calendar').description('check business calendars and SLA deadlines (SPEC R-SLA-6)'),
  );

  usageErrorsExit2(
    calendar
      .command('due')
      .description('print the due instant: --from plus business hours or business days')
      .requiredOption('--calendar <file>', 'calendar JSON file, the format the admin API accepts')
      .requiredOption('--from <instant>', 'start, ISO 8601 with Z or an offset')
      .requiredOption('--add <amount>', '"<N> business hours" or "<N> business days"'),
  ).action((opts: { calendar: string; from: string; add: string }, cmd: Command) =>
    run(cmd, async () => {
      const cal = await loadCalendar(opts.calendar);
      const from = parseInstant(opts.from, '--from');
      const { n, unit } = parseAmount(opts.add);
      const due = unit === 'days' ? addBusinessDays(cal, from, n) : addBusinessHours(cal, from, n);
      return formatInstant(cal, due);
    }),
  );

  usageErrorsExit2(
    calendar
      .command('between')
      .description('print the business hours between two instants (negative when --to is earlier)')
      .requiredOption('--calendar <file>', 'calendar JSON file, the format the admin API accepts')
      .requiredOption('--from <instant>', 'start, ISO 8601 with Z or an offset')
      .requiredOption('--to <instant>', 'end, ISO 8601 with Z or an offset'),
  ).action((opts: { calendar: string; from: string; to: string }, cmd: Command) =>
    run(cmd, async () => {
      const cal = await loadCalendar(opts.calendar);
      const from = parseInstant(opts.from, '--from');
      const to = parseInstant(opts.to, '--to');
      return formatHours(businessMillisBetween(cal, from, to));
    }),
  );
}
