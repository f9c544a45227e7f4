// The call record's rules, without a database: hold protocol, waiting, abandoned and unanswered
// calls, byte ranges for playback, and the channel's settings.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildCallRecord, type CallEventFacts } from './call-record.ts';
import { parseRange, sliceStream } from './call-recording.ts';
import { checkPhoneConfig } from './phone-config.ts';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const ev = (type: CallEventFacts['type'], s: number, over: Partial<CallEventFacts> = {}): CallEventFacts => ({
  type,
  at: at(s),
  ...over,
});
const HRDF = { holdLimit: 3, abandonThresholdSeconds: 20 };

/** Rings for 12 s, answered, `holds` holds of 30 s each 60 s apart, hangs up after the last. */
function callWithHolds(holds: number): CallEventFacts[] {
  const events = [
    ev('ringing', 0, { caller: '0501234567', queue: 'general' }),
    ev('answered', 12, { agent: '2001' }),
  ];
  for (let k = 0; k < holds; k++) {
    events.push(ev('hold', 60 + k * 60), ev('unhold', 90 + k * 60));
  }
  events.push(ev('hangup', 60 + holds * 60 + 10));
  return events;
}

describe('a call record built from CTI events', () => {
  it('flags a call with four holds when the limit is three (HRDF), with hold and talk time', () => {
    const r = buildCallRecord(callWithHolds(4), HRDF);
    expect(r).toMatchObject({
      state: 'ended',
      agent: '2001',
      caller: '0501234567',
      waitSeconds: 12,
      holdCount: 4,
      holdSeconds: 120,
      holdLimitExceeded: true,
      abandoned: false,
      unanswered: false,
    });
    // answered at 12 s, ended at 310 s: 298 s connected, 120 of them on hold
    expect(r.talkSeconds).toBe(178);
  });

  it('does not flag exactly three holds, nor any number when the org sets no limit', () => {
    expect(buildCallRecord(callWithHolds(3), HRDF).holdLimitExceeded).toBe(false);
    expect(buildCallRecord(callWithHolds(9), { ...HRDF, holdLimit: null }).holdLimitExceeded).toBe(false);
  });

  it('gives the same record whatever order the events arrive in', () => {
    const events = callWithHolds(4);
    const shuffled = [...events].reverse();
    shuffled.push(shuffled.shift()!);
    expect(buildCallRecord(shuffled, HRDF)).toEqual(buildCallRecord(events, HRDF));
  });

  it('counts a repeated hold while already holding once, and ends a hold when the caller hangs up on it', () => {
    const r = buildCallRecord(
      [ev('ringing', 0), ev('answered', 5), ev('hold', 10), ev('hold', 15), ev('hangup', 40)],
      HRDF,
    );
    expect(r).toMatchObject({
      holdCount: 1,
      holdSeconds: 30,
      heldSince: null,
      talkSeconds: 5,
      state: 'ended',
    });
  });

  it('shows a call on hold while it is still on hold', () => {
    const r = buildCallRecord([ev('ringing', 0), ev('answered', 5), ev('hold', 10)], HRDF);
    expect(r).toMatchObject({ state: 'on_hold', holdCount: 1, heldSince: at(10), endedAt: null });
  });

  it('counts a caller who gave up after waiting longer than the threshold as unanswered', () => {
    const r = buildCallRecord([ev('ringing', 0), ev('abandoned', 45)], HRDF);
    expect(r).toMatchObject({ state: 'abandoned', abandoned: true, unanswered: true, waitSeconds: 45 });
  });

  it('does not count a caller who hung up within the threshold as unanswered', () => {
    const r = buildCallRecord([ev('ringing', 0), ev('hangup', 8)], HRDF);
    expect(r).toMatchObject({ abandoned: true, unanswered: false, waitSeconds: 8, talkSeconds: null });
  });

  it("takes the PBX's own waiting time (AMI HoldTime) over the event times", () => {
    const r = buildCallRecord([ev('abandoned', 3, { waitSeconds: 95 })], HRDF);
    expect(r).toMatchObject({ waitSeconds: 95, unanswered: true });
  });

  it('keeps the agent who took the call after a transfer, and ignores an abandon after the answer', () => {
    const r = buildCallRecord(
      [
        ev('ringing', 0),
        ev('answered', 4, { agent: 'a@x.sa' }),
        ev('transfer', 30, { target: '2002' }),
        ev('answered', 35, { agent: '2002' }),
        ev('abandoned', 36),
        ev('hangup', 100),
      ],
      HRDF,
    );
    expect(r).toMatchObject({ agent: '2002', answeredAt: at(4), abandoned: false, talkSeconds: 96 });
  });
});

describe('playback byte ranges', () => {
  it('reads the ranges a browser asks for', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('refuses ranges outside the file and ignores ones it does not understand', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=500-100', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-10,20-30', 1000)).toBeNull();
    expect(parseRange('items=0-10', 1000)).toBeNull();
  });

  it('cuts exactly the asked bytes out of a stream that arrives in chunks', async () => {
    const data = Buffer.from(Array.from({ length: 100 }, (_, k) => k));
    const chunks = [data.subarray(0, 7), data.subarray(7, 50), data.subarray(50)];
    const out: Buffer[] = [];
    for await (const c of sliceStream(Readable.from(chunks), { start: 5, end: 60 })) out.push(c as Buffer);
    expect(Buffer.concat(out)).toEqual(data.subarray(5, 61));
  });
});

describe('phone channel settings', () => {
  const secret = 'x'.repeat(32);
  it('accepts a secret with the optional rules and the owners line', () => {
    expect(
      checkPhoneConfig({
        eventSecret: secret,
        holdLimit: 3,
        abandonThresholdSeconds: 30,
        ownersLine: { did: '8001249999', inbox: 'owners' },
        extensions: { '2001': 'agent@hrdf.demo' },
      }),
    ).toEqual([]);
  });

  it('explains every problem', () => {
    const problems = checkPhoneConfig({
      eventSecret: 'short',
      holdLimit: -1,
      ownersLine: { inbox: 'Owners Line' },
      extensions: { '2001': 'not-an-email' },
      colour: 'red',
    });
    expect(problems).toEqual([
      'unknown setting colour',
      'eventSecret must be 24 to 200 characters long',
      'holdLimit must be a whole number from 0 to 50',
      'ownersLine.inbox must be the code of an inbox',
      'ownersLine needs the line number (did) or the PBX queue (queue)',
      "extensions.2001 must be an agent's e-mail address",
    ]);
  });
});
