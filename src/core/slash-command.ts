/** `/centric …` text -> a command, or a one-line answer saying what to type instead. Pure. */
import type { Locale } from './i18n/locales.js';
import { PROJECT_KEY, TICKET_KEY } from './jira-keys.js';
import { commandText, type CommandText } from './i18n/messages/command/index.js';

export type Schedule = { weekday: number; time: string };
export type Scope = { type: 'project'; value: string } | { type: 'jql'; value: string };

export type Command =
  | { name: 'check'; key: string }
  | { name: 'template'; persona: string | null }
  | { name: 'mine' }
  | { name: 'digest'; project: string | null }
  | { name: 'outcomes'; project: string }
  | { name: 'rank'; project: string }
  | { name: 'subscribe'; scope: Scope; channel: string | null; schedule: Schedule | null }
  | { name: 'unsubscribe'; scope: Scope | null; channel: string | null }
  | { name: 'subscriptions'; channel: string | null }
  | { name: 'link'; how: LinkRequest }
  | { name: 'unlink'; user: string | null }
  | { name: 'mute'; days: number }
  | { name: 'unmute' }
  | { name: 'help' };

/**
 * How a person asks to be linked to a Jira account, each with its proof: their confirmed Slack
 * e-mail, a one-time code they post from their Jira account on a ticket, or an admin's word.
 */
export type LinkRequest =
  | { by: 'email' }
  | { by: 'code'; ticket: string }
  | { by: 'verify' }
  | { by: 'admin'; user: string | null; account: string; shared: boolean };

export type Parsed = { ok: true; command: Command } | { ok: false; error: string };

export const SUBCOMMANDS = ['check', 'template', 'mine', 'digest', 'outcomes', 'rank', 'subscribe', 'unsubscribe', 'subscriptions', 'link', 'unlink', 'mute', 'unmute', 'help'] as const;

const CHANNEL = /<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/;
/** A user mention as Slack escapes it in command text: <@U123ABC|name>. */
const USER = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const ACCOUNT = /^[\w:.@-]{2,128}$/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Slack escapes &, < and > in command text. */
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function closest(word: string): string | null {
  const ranked = SUBCOMMANDS.map((s) => [s, distance(word, s)] as const).sort((x, y) => x[1] - y[1]);
  return ranked[0] && ranked[0][1] <= 2 ? ranked[0][0] : null;
}

const fail = (error: string): Parsed => ({ ok: false, error });

/** Pulls `#channel` and `weekday hh:mm` out of the words, leaving the scope. */
function extract(rest: string, t: CommandText): { scope: string; channel: string | null; schedule: Schedule | null; error?: string } {
  let text = rest;
  const channel = CHANNEL.exec(text)?.[1] ?? null;
  text = text.replace(CHANNEL, ' ');
  let schedule: Schedule | null = null;
  const when = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s+(\S+)\s*$/i.exec(text.trim());
  if (when) {
    const time = TIME.exec(when[2]!);
    if (!time) return { scope: '', channel, schedule, error: t('notTime', { value: when[2]! }) };
    schedule = { weekday: WEEKDAYS.indexOf(when[1]!.toLowerCase()), time: `${time[1]!.padStart(2, '0')}:${time[2]}` };
    text = text.trim().slice(0, when.index);
  }
  return { scope: text.trim(), channel, schedule };
}

function scopeOf(text: string): Scope | null {
  if (!text) return null;
  return PROJECT_KEY.test(text) ? { type: 'project', value: text } : { type: 'jql', value: text };
}

/** `link`, `link SHOP-123`, `link done`, `link [@someone] <account id> [shared]`. */
function parseLink(words: string[], t: CommandText): Parsed {
  const link = (how: LinkRequest): Parsed => ({ ok: true, command: { name: 'link', how } });
  const [first, ...more] = words;
  if (first === undefined) return link({ by: 'email' });
  if (more.length === 0 && /^(done|verify)$/i.test(first)) return link({ by: 'verify' });
  if (more.length === 0 && TICKET_KEY.test(first.toUpperCase())) return link({ by: 'code', ticket: first.toUpperCase() });
  const user = USER.exec(first)?.[1] ?? null;
  const [account, flag, ...extra] = user ? more : words;
  const shared = flag?.toLowerCase() === 'shared';
  if (!account || !ACCOUNT.test(account) || (flag !== undefined && !shared) || extra.length > 0) return fail(t('notLink', { text: words.join(' '), usage: t('linkUsage') }));
  return link({ by: 'admin', user, account, shared });
}

/** The command in `raw`, or what to type instead in `locale` (the person's language). */
export function parseCommand(raw: string, locale: Locale = 'en'): Parsed {
  const t = commandText(locale);
  const text = unescape(raw).trim();
  const [first = '', ...words] = text.split(/\s+/);
  const name = first.toLowerCase();
  const rest = text.slice(first.length).trim();
  switch (name) {
    case '':
    case 'help':
      return { ok: true, command: { name: 'help' } };
    case 'check': {
      const key = rest.toUpperCase();
      if (!rest) return fail(t('checkWhich'));
      if (!TICKET_KEY.test(key) || words.length > 1) return fail(t('checkNotKey', { text: rest }));
      return { ok: true, command: { name: 'check', key } };
    }
    case 'template':
      return { ok: true, command: { name: 'template', persona: rest || null } };
    case 'mine':
      return { ok: true, command: { name: 'mine' } };
    case 'digest': {
      if (rest && !PROJECT_KEY.test(rest.toUpperCase())) return fail(t('digestNotProject', { text: rest }));
      return { ok: true, command: { name: 'digest', project: rest ? rest.toUpperCase() : null } };
    }
    case 'outcomes': {
      // Always one project: outcomes are read per project, and one the person may browse.
      if (!rest) return fail(t('outcomesWhich'));
      if (!PROJECT_KEY.test(rest.toUpperCase())) return fail(t('outcomesNotProject', { text: rest }));
      return { ok: true, command: { name: 'outcomes', project: rest.toUpperCase() } };
    }
    case 'rank': {
      // One project: the prioritisation meeting ranks one backlog, and one the person may browse.
      if (!rest) return fail(t('rankWhich'));
      if (!PROJECT_KEY.test(rest.toUpperCase())) return fail(t('rankNotProject', { text: rest }));
      return { ok: true, command: { name: 'rank', project: rest.toUpperCase() } };
    }
    case 'subscribe': {
      const parts = extract(rest, t);
      if (parts.error) return fail(parts.error);
      const scope = scopeOf(parts.scope);
      if (!scope) return fail(t('subscribeWhat'));
      return { ok: true, command: { name: 'subscribe', scope, channel: parts.channel, schedule: parts.schedule } };
    }
    case 'unsubscribe': {
      const parts = extract(rest, t);
      return { ok: true, command: { name: 'unsubscribe', scope: scopeOf(parts.scope), channel: parts.channel } };
    }
    case 'subscriptions':
      return { ok: true, command: { name: 'subscriptions', channel: CHANNEL.exec(rest)?.[1] ?? null } };
    case 'link':
      return parseLink(words, t);
    case 'unlink': {
      if (words.length === 0) return { ok: true, command: { name: 'unlink', user: null } };
      const user = USER.exec(words[0]!)?.[1];
      if (!user || words.length > 1) return fail(t('unlinkNotUser', { text: rest }));
      return { ok: true, command: { name: 'unlink', user } };
    }
    case 'mute': {
      if (!rest) return { ok: true, command: { name: 'mute', days: 7 } };
      const days = Number(rest.replace(/\s*days?$/i, ''));
      if (!Number.isInteger(days) || days < 1 || days > 365) return fail(t('muteNotDays', { text: rest }));
      return { ok: true, command: { name: 'mute', days } };
    }
    case 'unmute':
      return { ok: true, command: { name: 'unmute' } };
    default: {
      const guess = closest(name);
      return fail(guess ? t('unknownGuess', { text: first, guess }) : t('unknown', { text: first }));
    }
  }
}
