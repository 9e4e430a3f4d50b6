import { Blocks, Md, Message } from 'slack-block-builder';
import { balanceText, type Digest } from '../../core/digest.js';
import type { Locale } from '../../core/i18n/locales.js';
import { coverageLines } from '../../core/journey/coverage.js';
import { epicLineTexts } from '../../core/epic/epic-digest.js';
import { outcomesText } from '../../core/render/digest-markdown.js';
import type { DigestNotice } from '../../flows/ports.js';
import { percentText, slackText, type SlackText } from './i18n.js';
import { andMore, cut, cutSection, itemsWithin, LIMITS, textOf, type Block, type SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { escapeMrkdwn, mention, ticketLink } from './mrkdwn.js';

/** The digest's own limits, tighter than Slack's: it must read at a glance. */
export const DIGEST_LIMITS = { blocks: 40, chars: 8_000 };
/** A scope (a JQL may be long) is shown up to this many characters, before escaping. */
export const SCOPE_CHARS = 200;
/** The personas line names whole personas within this many characters. */
const PERSONAS_CHARS = 2_000;
/** A persona in the outcomes line is cut to this many characters (before escaping): the line names up to eight. */
const ROLE_CHARS = 60;

export interface DigestView {
  /** The project key, or the JQL in quotes: user text, escaped here. */
  title: string;
  digest: Digest;
  browse: (key: string) => string;
  late: boolean;
  questions: Array<{ id: string; label: string }>;
  /** The scope had more issues than one digest reads: it was built from the first this many. */
  truncatedAt?: number;
  /** The language of the channel it goes to (its project's `language:`); English when absent. */
  locale?: Locale;
}

const pct = (share: number | null, locale: Locale): string => (share === null ? '–' : percentText(share, locale));

/** " ▲3", " ▼2", " =", or nothing when either side is unknown; `unit` is the reader's (" pts"). */
function change(now: number | null, before: number | null, unit = ''): string {
  if (now === null || before === null) return '';
  const d = Math.round(now - before);
  return d > 0 ? ` ▲${d}${unit}` : d < 0 ? ` ▼${-d}${unit}` : ' =';
}

/** A share in percentage points, null when the period has none. */
const points = (share: number | null | undefined): number | null => (share === null || share === undefined ? null : share * 100);

/** The scope as mrkdwn (escaped, and short enough for a headline). */
export const scopeMrkdwn = (scope: string): string => escapeMrkdwn(cut(scope, SCOPE_CHARS));

/** The headline, as mrkdwn: it is also the fallback text's first line. */
function headlineOf(v: DigestView, t: SlackText): string {
  const d = v.digest;
  const title = scopeMrkdwn(v.title);
  if (d.period.score === null) return t('digest.quiet', { title });
  return t('digest.headline', { title, score: d.period.score, change: change(d.period.score, d.previous.score), count: d.period.tickets });
}

/** One line per question: the share of tickets that answer it, and its change since the previous period. */
function questionLines(v: DigestView, locale: Locale, t: SlackText): string[] {
  const { period, previous } = v.digest;
  const pts = t('digest.pts');
  return v.questions.map((q) => {
    const now = period.shares[q.id];
    // For the change, a question this period's shares leave out counts as 0 (null: no ticket to tell).
    return `${q.label}: ${pct(now ?? null, locale)}${change(now === null ? null : (now ?? 0) * 100, points(previous.shares[q.id]), pts)}`;
  }).concat(evidenceLine(v.digest, locale, t) ?? [], balanceLine(v.digest, locale, t) ?? []);
}

/** Whose benefit the period's stories state, against the target; null when no kind is known. */
function balanceLine(d: Digest, locale: Locale, t: SlackText): string | null {
  const text = balanceText(d, locale);
  return text ? t('digest.balance', { text }) : null;
}

/** The share of tickets with customer evidence, as one more question line; null when no count is known. */
function evidenceLine(d: Digest, locale: Locale, t: SlackText): string | null {
  if (d.period.evidence === undefined) return null;
  return t('digest.evidence', { share: pct(d.period.evidence, locale), change: change(d.period.evidence * 100, points(d.previous.evidence), t('digest.pts')) });
}

/** "Who we built for": the most frequent personas (whole ones) and the share of generic roles; null when nobody was named. */
function personasLine(d: Digest, locale: Locale, t: SlackText): string | null {
  const names = d.personas.slice(0, 8).map((p) => `${escapeMrkdwn(p.role)} (${p.count})`);
  if (names.length === 0) return null;
  const personas = itemsWithin(names, PERSONAS_CHARS, ', ', (count) => t('digest.personasMore', { count }));
  return d.genericShare === null ? personas : t('digest.genericShare', { personas, share: pct(d.genericShare, locale) });
}

/**
 * The outcomes line, as mrkdwn (keys linked when `link`, personas escaped), in the channel's
 * language; null when the scope has no outcome review at all.
 */
function outcomesLine(v: DigestView, link: boolean, locale: Locale): string | null {
  const o = v.digest.outcomes;
  if (!o) return null;
  return outcomesText(o, { period: 'week', key: (key) => (link ? ticketLink(v.browse(key), key) : escapeMrkdwn(key)), role: (role) => escapeMrkdwn(cut(role, ROLE_CHARS)), locale });
}

/** Journey coverage, one line per stage, as mrkdwn (stage names escaped); null when the journey has no stages. */
function journeyLines(d: Digest, locale: Locale): string[] | null {
  return d.journey ? coverageLines(d.journey, { period: 'week', stage: escapeMrkdwn, locale }) : null;
}

/** Each ranking with rows, as [title, rows]. */
function rankings(v: DigestView, t: SlackText): Array<[string, string[]]> {
  const d = v.digest;
  const link = (key: string) => ticketLink(v.browse(key), key);
  const owner = (id: string | null) => {
    const who = mention(id);
    return who ? ` · ${who}` : '';
  };
  const all: Array<[string, string[]]> = [
    [t('digest.bang'), d.bangForBuck.map((b) => t('digest.bangRow', { link: link(b.key), benefit: String(b.benefit), cost: String(b.cost) }))],
    [t('digest.improved'), d.mostImproved.map((m) => `${link(m.key)}: ${m.from} → ${m.to}`)],
    [t('digest.attention'), d.needsAttention.map((n) => `${link(n.key)}: ${n.score}/100${owner(n.owner)}`)],
  ];
  return all.filter(([, rows]) => rows.length > 0);
}

/** The digest as a message: headline, one line per question, personas, outcomes, rankings. */
export function digestMessage(v: DigestView): SlackMessage {
  const locale = v.locale ?? 'en';
  const t = slackText(locale);
  const headline = headlineOf(v, t);
  const note = v.truncatedAt === undefined ? null : t('digest.truncated', { count: v.truncatedAt });
  const questions = questionLines(v, locale, t);
  const personas = personasLine(v.digest, locale, t);
  const outcomes = outcomesLine(v, true, locale);
  const journey = journeyLines(v.digest, locale);
  // A line per epic: keys linked, personas (the epic's words) escaped.
  const epics = v.digest.epics ? epicLineTexts(v.digest.epics, { key: (k) => ticketLink(v.browse(k), k), persona: (p) => escapeMrkdwn(cut(p, ROLE_CHARS)), locale }) : null;
  const ranked = rankings(v, t);
  const bullets = (rows: string[]) => rows.map((r) => `• ${r}`).join('\n');
  const [builtFor, outcomesLabel, journeyLabel, epicsLabel] = [t('digest.builtFor'), t('digest.outcomes'), t('digest.journey'), t('digest.epics')];
  // The fallback (Slack reads it as mrkdwn too: every part escaped): headline, questions, personas, and how many tickets each ranking lists.
  const lines = [headline, ...(note ? [note] : []), ...questions, ...(personas ? [`${builtFor} ${personas}`] : []), ...(outcomes ? [`${outcomesLabel} ${outcomesLine(v, false, locale)}`] : []), ...(journey ? [`${journeyLabel}: ${journey.join('; ')}`] : []), ...(epics ? [`${epicsLabel}: ${epics.length}`] : []), ...ranked.map(([title, rows]) => `${title}: ${rows.length}`)];
  const message = Message({ text: itemsWithin(lines, LIMITS.fallbackText, '\n', andMore(locale)) })
    .blocks(
      // A header is plain text: the scope as it is, nothing in it is read as markup.
      Blocks.Header({ text: cut(t('digest.header', { title: v.title }), LIMITS.headerText) }),
      v.late ? Blocks.Context().elements(t('digest.late')) : undefined,
      Blocks.Section({ text: Md.bold(headline) }),
      note ? Blocks.Context().elements(`:warning: ${note}`) : undefined,
      Blocks.Section({ text: bullets(questions) }),
      personas ? Blocks.Section({ text: `${Md.bold(builtFor)} ${personas}` }) : undefined,
      outcomes ? Blocks.Section({ text: `${Md.bold(outcomesLabel)} ${outcomes}` }) : undefined,
      journey ? Blocks.Section({ text: `${Md.bold(journeyLabel)}\n${bullets(journey)}` }) : undefined,
      epics ? Blocks.Section({ text: `${Md.bold(epicsLabel)}\n${bullets(epics)}` }) : undefined,
      ...ranked.map(([title, rows]) => Blocks.Section({ text: `${Md.bold(title)}\n${bullets(rows)}` })),
    )
    .buildToObject() as SlackMessage;
  return fitDigest(message, locale);
}

/** The digest's questions with their labels in the channel's language (the ids and order stay core's). */
export const digestQuestions = (questions: ReadonlyArray<{ id: string; label: string }>, locale: Locale = 'en'): Array<{ id: string; label: string }> => {
  const t = slackText(locale);
  const known = new Set(['who', 'what', 'why', 'how', 'see', 'done']);
  return questions.map((q) => ({ id: q.id, label: known.has(q.id) ? t(`digest.question.${q.id as 'who'}`) : q.label }));
};

/**
 * At most DIGEST_LIMITS.blocks blocks and chars of block text, section texts cut at a line to
 * Slack's limit; blocks left out are counted in a last line.
 */
function fitDigest(message: SlackMessage, locale: Locale): SlackMessage {
  const all = message.blocks.map((b) => (b.type === 'section' ? { ...b, text: { ...b.text, text: cutSection(b.text.text, LIMITS.sectionText, locale) } } : b));
  // Room for the "…and N more" line.
  let blocks = all.slice(0, DIGEST_LIMITS.blocks - 1);
  while (blocks.flatMap(textOf).join('').length > DIGEST_LIMITS.chars - 100 && blocks.length > 1) blocks = blocks.slice(0, -1);
  const dropped = all.length - blocks.length;
  if (dropped > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackText(locale)('more', { count: dropped }) }] });
  return { ...message, blocks: blocks as Block[] };
}

/** What the subscriber is told when their digest cannot be posted this period. */
function digestNoticeText(notice: DigestNotice, t: SlackText): string {
  const { reason } = notice;
  const scope = scopeMrkdwn(notice.scope);
  const where = t('notice.where', { scope, channel: `<#${notice.channel}>` });
  if (notice.status === 'not in channel') return t('notice.notInChannel', { where });
  if (reason === 'is_archived') return t('notice.archived', { where });
  if (reason.startsWith('restricted_action')) return t('notice.restricted', { where, reason });
  if (reason === 'subscriber_not_linked') return t('notice.notLinked', { where });
  if (reason === 'subscriber_may_not_browse') return t('notice.mayNotBrowse', { where, scope });
  if (reason === 'failed_repeatedly') {
    const reference = escapeMrkdwn(notice.reference ?? '');
    return notice.attempts === undefined ? t('notice.failedSeveral', { where, reference }) : t('notice.failed', { where, attempts: notice.attempts, reference });
  }
  if (reason.startsWith('jira_http_')) return t('notice.jira', { where, status: reason.slice('jira_http_'.length) });
  return t('notice.slack', { where, reason });
}

/** The DM to the person who subscribed, when their digest was not posted, in their language. */
export const digestNoticeMessage = (notice: DigestNotice, locale: Locale = 'en'): SlackMessage => lineMessage(digestNoticeText(notice, slackText(locale)), locale);
