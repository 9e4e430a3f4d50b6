import { describe, expect, it } from 'vitest';
import { decideNudge, inWorkingHours, nextWorkingTime } from '../../src/core/nudge-policy.js';

const HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

describe('working hours in the person\'s timezone', () => {
  it('knows 10:00 in Berlin on a Monday is inside and 08:00 or a Saturday is outside', () => {
    expect(inWorkingHours(at('2026-11-23T09:00:00Z'), 'Europe/Berlin', HOURS)).toBe(true); // 10:00 CET
    expect(inWorkingHours(at('2026-11-23T07:00:00Z'), 'Europe/Berlin', HOURS)).toBe(false); // 08:00 CET
    expect(inWorkingHours(at('2026-11-28T10:00:00Z'), 'Europe/Berlin', HOURS)).toBe(false); // Saturday
  });

  it('counts the last minute in: until 18:00 has passed, and 00:00–23:59 is the whole day, every minute of it', () => {
    expect(inWorkingHours(at('2026-11-23T17:00:30Z'), 'Europe/Berlin', HOURS)).toBe(true); // 18:00:30 CET
    expect(inWorkingHours(at('2026-11-23T17:01:00Z'), 'Europe/Berlin', HOURS)).toBe(false); // 18:01 CET
    const always = { days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' };
    const outside = [];
    for (let t = at('2026-11-23T00:00:00Z'); t < at('2026-11-25T00:00:00Z'); t += 30_000) if (!inWorkingHours(t, 'Europe/Warsaw', always)) outside.push(new Date(t).toISOString());
    expect(outside).toEqual([]);
  });

  it('finds the next 09:00 local: the same morning, the next day, or Monday after a weekend', () => {
    expect(new Date(nextWorkingTime(at('2026-11-23T06:30:00Z'), 'Europe/Berlin', HOURS)).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(new Date(nextWorkingTime(at('2026-11-23T19:00:00Z'), 'Europe/Berlin', HOURS)).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(new Date(nextWorkingTime(at('2026-11-27T23:30:00Z'), 'America/New_York', HOURS)).toISOString()).toBe('2026-11-30T14:00:00.000Z');
  });

  it('honours a daylight-saving change in between', () => {
    // Saturday before the end of summer time in Berlin (25 Oct 2026): Monday 09:00 is CET, UTC+1.
    expect(new Date(nextWorkingTime(at('2026-10-24T12:00:00Z'), 'Europe/Berlin', HOURS)).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });
});

describe('nudge policy', () => {
  const base = { timezone: 'Europe/Berlin', hours: HOURS, mutedUntil: null, lastSentAt: null, minGapMs: DAY };

  it('sends inside working hours when nothing holds it back', () => {
    expect(decideNudge({ ...base, now: at('2026-11-23T09:00:00Z') })).toEqual({ send: true });
  });

  it('holds a nudge outside working hours until 09:00 in the person\'s timezone', () => {
    expect(decideNudge({ ...base, now: at('2026-11-23T05:00:00Z') })).toEqual({ send: false, retryAt: at('2026-11-23T08:00:00Z'), reason: 'outside working hours' });
  });

  it('sends at most one a day', () => {
    expect(decideNudge({ ...base, now: at('2026-11-23T15:00:00Z'), lastSentAt: at('2026-11-23T09:00:00Z') })).toEqual({
      send: false,
      retryAt: at('2026-11-24T09:00:00Z'),
      reason: 'too soon',
    });
  });

  it('drops nudges while muted', () => {
    expect(decideNudge({ ...base, now: at('2026-11-23T09:00:00Z'), mutedUntil: at('2026-11-30T00:00:00Z') })).toEqual({ send: false, retryAt: null, reason: 'muted' });
  });
});
