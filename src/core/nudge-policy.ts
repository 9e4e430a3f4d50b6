/** When a person may be nudged. Pure: the time and the person's settings come in as data. */

export interface WorkingHours {
  /** Days of the week nudges may arrive, 0 = Sunday. */
  days: number[];
  /** "09:00" */
  start: string;
  /** "18:00" */
  end: string;
}

export interface NudgeInput {
  now: number;
  /** The person's IANA timezone, from their Slack profile. */
  timezone: string;
  hours: WorkingHours;
  mutedUntil: number | null;
  /** When this person was last sent a nudge. */
  lastSentAt: number | null;
  /** Smallest time between two nudges to one person (a day, for one a day). */
  minGapMs: number;
}

export type NudgeDecision =
  | { send: true }
  /** Not now: `retryAt` is when to look again, null when the queued nudges should be dropped. */
  | { send: false; retryAt: number | null; reason: 'muted' | 'too soon' | 'outside working hours' };

const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** The wall-clock weekday and minutes since midnight at `instant` in `timezone`. */
export function localClock(instant: number, timezone: string): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Minutes the timezone is ahead of UTC at `instant`. */
export function offsetMinutes(instant: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * Inside the working hours, their last minute included: "09:00–18:00" runs until 18:00 has passed,
 * and "00:00–23:59" is the whole day (with the last minute left out, a day said to end at 23:59
 * held every message sent in its last minute until the next morning).
 */
export function inWorkingHours(instant: number, timezone: string, hours: WorkingHours): boolean {
  const { weekday, minutes } = localClock(instant, timezone);
  return hours.days.includes(weekday) && minutes >= minutesOf(hours.start) && minutes <= minutesOf(hours.end);
}

/** The next instant at or after `from` that falls inside working hours. */
export function nextWorkingTime(from: number, timezone: string, hours: WorkingHours): number {
  if (inWorkingHours(from, timezone, hours)) return from;
  const start = minutesOf(hours.start);
  const { minutes } = localClock(from, timezone);
  // Local midnight of today, then each following day's start time, until a working day comes.
  const midnight = from - minutes * 60_000 - (from % 60_000);
  for (let day = 0; day <= 7; day++) {
    const wall = midnight + day * 86_400_000 + start * 60_000;
    // Re-read the offset at the candidate, so a daylight-saving change in between is honoured.
    const candidate = wall + (offsetMinutes(from, timezone) - offsetMinutes(wall, timezone)) * 60_000;
    if (candidate > from && inWorkingHours(candidate, timezone, hours)) return candidate;
  }
  return from + 86_400_000;
}

export function decideNudge(input: NudgeInput): NudgeDecision {
  if (input.mutedUntil !== null && input.now < input.mutedUntil) return { send: false, retryAt: null, reason: 'muted' };
  if (input.lastSentAt !== null && input.now - input.lastSentAt < input.minGapMs) {
    return { send: false, retryAt: nextWorkingTime(input.lastSentAt + input.minGapMs, input.timezone, input.hours), reason: 'too soon' };
  }
  if (!inWorkingHours(input.now, input.timezone, input.hours)) {
    return { send: false, retryAt: nextWorkingTime(input.now, input.timezone, input.hours), reason: 'outside working hours' };
  }
  return { send: true };
}

/** The latest weekly slot (weekday at hh:mm in `timezone`) at or before `now`. */
export function latestSlot(now: number, timezone: string, weekday: number, hhmm: string): number {
  const { weekday: today, minutes } = localClock(now, timezone);
  const midnight = now - minutes * 60_000 - (now % 60_000);
  const daysBack = (today - weekday + 7) % 7;
  for (const back of [daysBack, daysBack + 7]) {
    const wall = midnight - back * 86_400_000 + minutesOf(hhmm) * 60_000;
    const slot = wall + (offsetMinutes(now, timezone) - offsetMinutes(wall, timezone)) * 60_000;
    if (slot <= now) return slot;
  }
  return now;
}
