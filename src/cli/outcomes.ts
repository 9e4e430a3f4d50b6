import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config/load.js';
import type { Locale } from '../core/i18n/locales.js';
import { digestText, type DigestText } from '../core/i18n/messages/digest/index.js';
import type { MetricPromise } from '../core/metric/promise.js';
import { promiseText } from '../core/outcome/promise-text.js';
import { outcomeListing, reviewState, type OutcomeListing, type ReviewDetail, type Tally } from '../core/outcome/stats.js';
import { escapeMarkdown } from '../core/render/escape-markdown.js';
import { openStoredData } from './stored-data.js';
import { scopeReviews } from '../store/outcome-stats.js';
import type { CliIo } from '../cli.js';
import { AuditUsageError } from './usage-error.js';
import { projectOption } from './project-option.js';
import { reportLanguage } from './lang.js';
import { percentIn } from '../core/render/locale-format.js';

const DAY = 86_400_000;
const UNIT_DAYS = { d: 1, w: 7 } as const;
const FORMATS = ['text', 'json', 'markdown'] as const;

/** "90d", "12w": how far back answered outcomes are listed. */
function sinceMs(value: string): number {
  const match = /^(\d{1,4})([dw])$/.exec(value);
  if (!match || Number(match[1]) < 1) throw new AuditUsageError(`--since takes a number of days or weeks such as 90d or 12w, not "${value}"`);
  return Number(match[1]) * UNIT_DAYS[match[2] as keyof typeof UNIT_DAYS] * DAY;
}

/** One review in `--format json`: every field always there, times as ISO strings, null when unknown. */
export interface OutcomeJson {
  key: string;
  summary: string;
  /** The persona the story is for. */
  role: string | null;
  state: 'pending' | 'overdue' | 'answered';
  /** The promise in one line, as the review DM says it. */
  promise: string | null;
  /** The promise as data (the report's `metric`). */
  metric: MetricPromise | null;
  outcome: 'hit' | 'missed' | 'not-measured' | null;
  measured: string | null;
  note: string | null;
  /** The name of who answered. */
  answeredBy: string | null;
  shippedAt: string;
  /** When the review is (or was) due to be asked. */
  dueAt: string;
  askedAt: string | null;
  remindedAt: string | null;
  answeredAt: string | null;
}

/** `centric outcomes --format json`: one document of this shape. */
export interface OutcomesJson {
  project: string;
  since: string;
  /** hit / (hit + missed) of the outcomes answered since then; "not measured" is left out; null when none was hit or missed. */
  hitRate: number | null;
  counts: { hit: number; missed: number; notMeasured: number; overdue: number; pending: number };
  overdue: OutcomeJson[];
  pending: OutcomeJson[];
  answered: OutcomeJson[];
}

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());
const day = (at: number): string => new Date(at).toISOString().slice(0, 10);
const pct = (rate: number | null, locale: Locale): string => (rate === null ? '–' : percentIn(rate, locale));

function reviewJson(r: ReviewDetail): OutcomeJson {
  return {
    key: r.key,
    summary: r.summary,
    role: r.role,
    state: reviewState(r) as OutcomeJson['state'],
    promise: r.promise ? promiseText(r.promise) : null,
    metric: r.promise,
    outcome: r.outcome,
    measured: r.measured,
    note: r.note,
    answeredBy: r.answeredBy,
    shippedAt: iso(r.shippedAt)!,
    dueAt: iso(r.dueAt)!,
    askedAt: iso(r.askedAt),
    remindedAt: iso(r.remindedAt),
    answeredAt: iso(r.answeredAt),
  };
}

export function outcomesJson(project: string, since: number, l: OutcomeListing): OutcomesJson {
  return {
    project,
    since: iso(since)!,
    hitRate: l.tally.hitRate,
    counts: { hit: l.tally.hit, missed: l.tally.missed, notMeasured: l.tally.notMeasured, overdue: l.overdue.length, pending: l.pending.length },
    overdue: l.overdue.map(reviewJson),
    pending: l.pending.map(reviewJson),
    answered: l.answered.map(reviewJson),
  };
}

/** "67% (2 hit, 1 missed; 1 not measured, left out)". */
function rateText(t: Tally, locale: Locale, w: DigestText): string {
  if (t.hit + t.missed + t.notMeasured === 0) return w('list.noneAnswered');
  const values = { rate: pct(t.hitRate, locale), hit: t.hit, missed: t.missed, notMeasured: t.notMeasured };
  return w(t.notMeasured > 0 ? 'list.tallyNotMeasured' : 'list.tally', values);
}

/** What happened to a review, in a few words: "target hit", "reminded 2026-11-20, no answer yet", "review due 2026-12-28". */
function stateText(r: ReviewDetail, w: DigestText): string {
  if (r.outcome) {
    const answer = r.outcome === 'not-measured' ? 'other' : r.outcome;
    return w('list.state.answered', { answer, dated: r.answeredAt === null ? 'no' : 'yes', date: r.answeredAt === null ? '' : day(r.answeredAt), named: r.answeredBy ? 'yes' : 'no', name: r.answeredBy ?? '' });
  }
  if (r.remindedAt !== null) return w('list.state.reminded', { asked: r.askedAt === null ? '–' : day(r.askedAt), reminded: day(r.remindedAt) });
  if (r.askedAt !== null) return w('list.state.asked', { asked: day(r.askedAt) });
  return w('list.state.due', { due: day(r.dueAt) });
}

/** One line per fact of a review, for the terminal; what is unknown is left out. */
function reviewText(r: ReviewDetail, locale: Locale, w: DigestText): string[] {
  const fields: Array<[string, string | null]> = [
    [w('list.field.for'), r.role],
    [w('list.field.promise'), r.promise ? promiseText(r.promise, locale) : null],
    [w('list.field.shipped'), day(r.shippedAt)],
    [w('list.field.status'), stateText(r, w)],
    [w('list.field.measured'), r.measured],
    [w('list.field.note'), r.note],
  ];
  return [`${r.key}  ${r.summary}`, ...fields.filter(([, v]) => v !== null).map(([label, value]) => `    ${w('list.fieldLine', { label, value })}`)];
}

/** The three groups, titled in the language. */
const groups = (l: OutcomeListing, w: DigestText): Array<[string, ReviewDetail[]]> => [
  [w('list.overdue'), l.overdue],
  [w('list.pending'), l.pending],
  [w('list.answered'), l.answered],
];

export function outcomesText(project: string, since: number, l: OutcomeListing, locale: Locale = 'en'): string {
  const w = digestText(locale);
  const lines = [w('list.title', { project, date: day(since) }), w('list.hitRate', { rate: rateText(l.tally, locale, w) })];
  for (const [title, rows] of groups(l, w)) {
    lines.push('', rows.length === 0 ? w('list.groupEmpty', { group: title, count: 0 }) : `${title} (${rows.length})`, ...rows.flatMap((r) => reviewText(r, locale, w)));
  }
  return `${lines.join('\n')}\n`;
}

/** A table cell: markdown escaped, no pipe or line break to end it. */
const cell = (s: string | null): string => (s === null ? '' : escapeMarkdown(s).replace(/\n/g, ' '));

const COLUMNS = ['ticket', 'summary', 'for', 'promise', 'shipped', 'status', 'measured', 'note'] as const;

export function outcomesMarkdown(project: string, since: number, l: OutcomeListing, locale: Locale = 'en'): string {
  const w = digestText(locale);
  // The catalog's words are plain text; the project, the tickets' words and the answers are escaped.
  const lines = [`## ${w('list.title', { project: cell(project), date: day(since) })}`, '', `**${w('list.hitRate', { rate: rateText(l.tally, locale, w) })}**`, ''];
  const table = (title: string, rows: ReviewDetail[]) => {
    lines.push(`### ${title} (${rows.length})`, '');
    if (rows.length === 0) return lines.push(w('list.none'), '');
    return lines.push(
      `| ${COLUMNS.map((c) => w(`list.column.${c}`)).join(' | ')} |`,
      `|${' --- |'.repeat(COLUMNS.length)}`,
      ...rows.map((r) => `| ${cell(r.key)} | ${cell(r.summary)} | ${cell(r.role)} | ${cell(r.promise ? promiseText(r.promise, locale) : null)} | ${day(r.shippedAt)} | ${cell(stateText(r, w))} | ${cell(r.measured)} | ${cell(r.note)} |`),
      '',
    );
  };
  for (const [title, rows] of groups(l, w)) table(title, rows);
  return `${lines.join('\n')}`;
}

/** centric outcomes: a project's outcome reviews from the stored data (no Jira call), for retrospectives. */
export async function runOutcomes(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string', short: 'p' }, since: { type: 'string', default: '90d' }, format: { type: 'string', short: 'f', default: 'text' }, lang: { type: 'string' }, config: { type: 'string', short: 'c' } },
  });
  if (!values.project) throw new AuditUsageError('centric outcomes needs --project KEY');
  const project = projectOption(values.project)!;
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new AuditUsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const since = (io.clock ?? Date.now)() - sinceMs(values.since!);
  if (io.env === process.env) loadDotenv({ quiet: true });
  const locale = reportLanguage(values.lang, io.env, project, () => loadConfig(values.config ?? (io.env.CENTRIC_CONFIG || undefined)));
  const store = await openStoredData(io.env, 'stored outcomes');
  let listing: OutcomeListing;
  try {
    listing = outcomeListing(await scopeReviews(store, { project }, since), since);
  } finally {
    await store.close();
  }
  const render = { json: () => `${JSON.stringify(outcomesJson(project, since, listing), null, 2)}\n`, text: () => outcomesText(project, since, listing, locale), markdown: () => outcomesMarkdown(project, since, listing, locale) };
  io.stdout.write(render[format]());
  return 0;
}
