import { Blocks, Md, Message } from 'slack-block-builder';
import type { Locale } from '../../core/i18n/locales.js';
import { promiseText } from '../../core/outcome/promise-text.js';
import { numberIn } from '../../core/render/locale-format.js';
import { formulaIn, orderIn, type Ranking, type RankedStory } from '../../core/rank.js';
import { slackText, type SlackText } from './i18n.js';
import { cut, fit, type SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { escapeMrkdwn, ticketLink } from './mrkdwn.js';

/** /centric rank shows the top this many: the meeting starts at the top. */
export const RANK_TOP = 10;
/** Texts from Jira are cut to these lengths (before escaping), so ten stories fit one message. */
const SUMMARY_CHARS = 80;
const PERSONA_CHARS = 40;
const PROMISE_CHARS = 90;

export interface RankReply {
  project: string;
  ranking: Ranking;
  truncatedAt: number | null;
}

/** A score as the CLI's ranking writes it in the same language ("1,38" in German). */
const num = (n: number | null, locale: Locale): string => (n === null ? '–' : numberIn(n, locale));

/** One ranked story: its place, link, summary and score, then what the room weighs. Every text from Jira escaped. */
function storyMrkdwn(s: RankedStory, place: number, browse: (key: string) => string, t: SlackText, locale: Locale): string {
  const head = `${Md.bold(`${place}.`)} ${ticketLink(browse(s.key), s.key)} ${escapeMrkdwn(cut(s.summary, SUMMARY_CHARS))}`;
  const persona = s.persona === null ? t('rank.noPersona') : `${t('rank.for', { persona: escapeMrkdwn(cut(s.persona, PERSONA_CHARS)) })}${s.reach > 0 ? ` (+${s.reach})` : ''}`;
  const facts = [
    t('rank.customer', { score: Md.bold(num(s.customerScore, locale)) }),
    t('rank.business', { score: num(s.businessScore, locale) }),
    t('rank.benefitCost', { benefit: num(s.benefit, locale), cost: num(s.cost, locale) }),
    t('rank.evidence', { evidence: String(s.evidence) }),
    persona,
    t('rank.lint', { score: num(s.score, locale) }),
  ];
  const promise = s.metric ? `\n    ${t('rank.promise', { promise: escapeMrkdwn(cut(promiseText(s.metric, locale), PROMISE_CHARS)) })}` : '';
  return `${head}\n    ${facts.join(' · ')}${promise}`;
}

/** `/centric rank SHOP`: the top stories by customer benefit ÷ cost, with the formula, so the room can challenge it. */
export function rankMessage(reply: RankReply, browse: (key: string) => string, locale: Locale = 'en'): SlackMessage {
  const t = slackText(locale);
  const { project, ranking } = reply;
  const ranked = ranking.stories.filter((s) => s.unranked === null);
  const unranked = ranking.stories.length - ranked.length;
  if (ranking.stories.length === 0) return lineMessage(t('rank.none', { project }), locale);
  if (ranked.length === 0) return lineMessage(t('rank.noneRanked', { count: ranking.stories.length, project }), locale);
  const rest = [ranked.length > RANK_TOP ? t('rank.moreRanked', { count: ranked.length - RANK_TOP }) : null, unranked > 0 ? t('rank.unranked', { count: unranked }) : null].filter(Boolean);
  const text = t('rank.fallback', { project, count: ranking.stories.length, ranked: ranked.length });
  const built = Message({ text })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: t('rank.header', { project }) }),
      // The formula and the tie-breaks are written by the ranking itself (centric.yml's words).
      Blocks.Section({ text: `${Md.bold(t('rank.formula'))} ${escapeMrkdwn(formulaIn(ranking, locale))}\n${Md.italic(orderIn(ranking, locale))}` }),
      reply.truncatedAt === null ? undefined : Blocks.Context().elements(t('digest.truncated', { count: reply.truncatedAt })),
      ranked.slice(0, RANK_TOP).map((s, i) => Blocks.Section({ text: storyMrkdwn(s, i + 1, browse, t, locale) })),
      rest.length === 0 ? undefined : Blocks.Context().elements(t('rank.rest', { rest: rest.join('; '), project })),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message', undefined, locale);
}
