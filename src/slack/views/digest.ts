import { Blocks, Md, Message } from 'slack-block-builder';
import { balanceText, truncatedNote, type Digest } from '../../core/digest.js';
import { coverageLines } from '../../core/journey/coverage.js';
import { epicLineTexts } from '../../core/epic/epic-digest.js';
import { outcomesText } from '../../core/render/digest-markdown.js';
import type { DigestNotice } from '../../flows/ports.js';
import { cut, cutSection, itemsWithin, LIMITS, textOf, type Block, type SlackMessage } from './limits.js';
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
}

const pct = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

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
function headlineOf(v: DigestView): string {
  const d = v.digest;
  const title = scopeMrkdwn(v.title);
  if (d.period.score === null) return `No ticket of ${title} changed this week.`;
  return `Customer-centricity of ${title}: ${d.period.score}/100${change(d.period.score, d.previous.score)} over ${d.period.tickets} tickets`;
}

/** One line per question: the share of tickets that answer it, and its change since the previous period. */
function questionLines(v: DigestView): string[] {
  const { period, previous } = v.digest;
  return v.questions.map((q) => {
    const now = period.shares[q.id];
    // For the change, a question this period's shares leave out counts as 0 (null: no ticket to tell).
    return `${q.label}: ${pct(now ?? null)}${change(now === null ? null : (now ?? 0) * 100, points(previous.shares[q.id]), ' pts')}`;
  }).concat(evidenceLine(v.digest) ?? [], balanceLine(v.digest) ?? []);
}

/** Whose benefit the period's stories state, against the target; null when no kind is known. */
function balanceLine(d: Digest): string | null {
  const text = balanceText(d);
  return text ? `Whose benefit? ${text}` : null;
}

/** The share of tickets with customer evidence, as one more question line; null when no count is known. */
function evidenceLine(d: Digest): string | null {
  if (d.period.evidence === undefined) return null;
  return `Where did we hear it? (customer evidence): ${pct(d.period.evidence)}${change(d.period.evidence * 100, points(d.previous.evidence), ' pts')}`;
}

/** "Who we built for": the most frequent personas (whole ones) and the share of generic roles; null when nobody was named. */
function personasLine(d: Digest): string | null {
  const names = d.personas.slice(0, 8).map((p) => `${escapeMrkdwn(p.role)} (${p.count})`);
  if (names.length === 0) return null;
  const personas = itemsWithin(names, PERSONAS_CHARS, ', ', (n) => `and ${n} more`);
  return `${personas}${d.genericShare === null ? '' : `; ${pct(d.genericShare)} with a generic role`}`;
}

/**
 * The outcomes line, as mrkdwn (keys linked when `link`, personas escaped); null when the scope
 * has no outcome review at all.
 */
function outcomesLine(v: DigestView, link: boolean): string | null {
  const o = v.digest.outcomes;
  if (!o) return null;
  return outcomesText(o, { period: 'week', key: (key) => (link ? ticketLink(v.browse(key), key) : escapeMrkdwn(key)), role: (role) => escapeMrkdwn(cut(role, ROLE_CHARS)) });
}

/** Journey coverage, one line per stage, as mrkdwn (stage names escaped); null when the journey has no stages. */
function journeyLines(d: Digest): string[] | null {
  return d.journey ? coverageLines(d.journey, { period: 'week', stage: escapeMrkdwn }) : null;
}

/** Each ranking with rows, as [title, rows]. */
function rankings(v: DigestView): Array<[string, string[]]> {
  const d = v.digest;
  const link = (key: string) => ticketLink(v.browse(key), key);
  const owner = (id: string | null) => {
    const who = mention(id);
    return who ? ` · ${who}` : '';
  };
  const all: Array<[string, string[]]> = [
    ['Biggest bang for the buck', d.bangForBuck.map((b) => `${link(b.key)}: benefit ${b.benefit} / cost ${b.cost}`)],
    ['Most improved', d.mostImproved.map((m) => `${link(m.key)}: ${m.from} → ${m.to}`)],
    ['Needs attention (ready for development)', d.needsAttention.map((n) => `${link(n.key)}: ${n.score}/100${owner(n.owner)}`)],
  ];
  return all.filter(([, rows]) => rows.length > 0);
}

/** The digest as a message: headline, one line per question, personas, outcomes, rankings. */
export function digestMessage(v: DigestView): SlackMessage {
  const headline = headlineOf(v);
  const note = v.truncatedAt === undefined ? null : truncatedNote(v.truncatedAt);
  const questions = questionLines(v);
  const personas = personasLine(v.digest);
  const outcomes = outcomesLine(v, true);
  const journey = journeyLines(v.digest);
  // A line per epic: keys linked, personas (the epic's words) escaped.
  const epics = v.digest.epics ? epicLineTexts(v.digest.epics, { key: (k) => ticketLink(v.browse(k), k), persona: (p) => escapeMrkdwn(cut(p, ROLE_CHARS)) }) : null;
  const ranked = rankings(v);
  const bullets = (rows: string[]) => rows.map((r) => `• ${r}`).join('\n');
  // The fallback (Slack reads it as mrkdwn too: every part escaped): headline, questions, personas, and how many tickets each ranking lists.
  const lines = [headline, ...(note ? [note] : []), ...questions, ...(personas ? [`Who we built for: ${personas}`] : []), ...(outcomes ? [`Outcomes: ${outcomesLine(v, false)}`] : []), ...(journey ? [`Journey coverage: ${journey.join('; ')}`] : []), ...(epics ? [`Epics: ${epics.length}`] : []), ...ranked.map(([title, rows]) => `${title}: ${rows.length}`)];
  const message = Message({ text: itemsWithin(lines, LIMITS.fallbackText) })
    .blocks(
      // A header is plain text: the scope as it is, nothing in it is read as markup.
      Blocks.Header({ text: cut(`Weekly digest: ${v.title}`, LIMITS.headerText) }),
      v.late ? Blocks.Context().elements(':hourglass: Late: posted after its scheduled time (Centric was not running, or the first tries failed).') : undefined,
      Blocks.Section({ text: Md.bold(headline) }),
      note ? Blocks.Context().elements(`:warning: ${note}`) : undefined,
      Blocks.Section({ text: bullets(questions) }),
      personas ? Blocks.Section({ text: `${Md.bold('Who we built for:')} ${personas}` }) : undefined,
      outcomes ? Blocks.Section({ text: `${Md.bold('Outcomes:')} ${outcomes}` }) : undefined,
      journey ? Blocks.Section({ text: `${Md.bold('Journey coverage')}\n${bullets(journey)}` }) : undefined,
      epics ? Blocks.Section({ text: `${Md.bold('Epics')}\n${bullets(epics)}` }) : undefined,
      ...ranked.map(([title, rows]) => Blocks.Section({ text: `${Md.bold(title)}\n${bullets(rows)}` })),
    )
    .buildToObject() as SlackMessage;
  return fitDigest(message);
}

/**
 * At most DIGEST_LIMITS.blocks blocks and chars of block text, section texts cut at a line to
 * Slack's limit; blocks left out are counted in a last line.
 */
function fitDigest(message: SlackMessage): SlackMessage {
  const all = message.blocks.map((b) => (b.type === 'section' ? { ...b, text: { ...b.text, text: cutSection(b.text.text) } } : b));
  // Room for the "…and N more" line.
  let blocks = all.slice(0, DIGEST_LIMITS.blocks - 1);
  while (blocks.flatMap(textOf).join('').length > DIGEST_LIMITS.chars - 100 && blocks.length > 1) blocks = blocks.slice(0, -1);
  const dropped = all.length - blocks.length;
  if (dropped > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${dropped} more` }] });
  return { ...message, blocks: blocks as Block[] };
}

/** What the subscriber is told when their digest cannot be posted this period. */
function digestNoticeText(notice: DigestNotice): string {
  const { reason } = notice;
  const where = `I could not post the weekly digest of ${scopeMrkdwn(notice.scope)} to <#${notice.channel}>`;
  if (notice.status === 'not in channel') return `${where}: invite me there with \`/invite @Centric\`, and I will post the next one.`;
  if (reason === 'is_archived') return `${where}: the channel is archived. Subscribe another channel with \`/centric subscribe\` there.`;
  if (reason.startsWith('restricted_action')) return `${where}: posting there is restricted to some members (${reason}). Ask a workspace admin, or subscribe another channel.`;
  if (reason === 'subscriber_not_linked') return `${where}: you subscribed it, and your Slack user is no longer linked to a Jira account. Type \`/centric link\`, and I will post the next one.`;
  if (reason === 'subscriber_may_not_browse') return `${where}: you subscribed it, and your Jira account may no longer browse ${scopeMrkdwn(notice.scope)}. Ask someone who may to subscribe the channel instead.`;
  if (reason === 'failed_repeatedly') {
    return `${where}: it failed ${notice.attempts ?? 'several'} times that week, and the next one is due, so I stopped trying. Whoever runs Centric finds why in its log under \`${escapeMrkdwn(notice.reference ?? '')}\`. I will post the next one as usual.`;
  }
  if (reason.startsWith('jira_http_')) return `${where}: Jira refused its search (HTTP ${reason.slice('jira_http_'.length)}); check that the project or JQL still exists and that I may browse it. I will try again next week.`;
  return `${where}: Slack refused it (${reason}). I will try again next week.`;
}

/** The DM to the person who subscribed, when their digest was not posted. */
export const digestNoticeMessage = (notice: DigestNotice): SlackMessage => lineMessage(digestNoticeText(notice));
