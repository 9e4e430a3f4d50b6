import { Blocks, Md, Message } from 'slack-block-builder';
import { truncatedNote } from '../../core/digest.js';
import { promiseText } from '../../core/outcome/promise-text.js';
import type { Ranking, RankedStory } from '../../core/rank.js';
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

const num = (n: number | null): string => (n === null ? '–' : String(n));

/** One ranked story: its place, link, summary and score, then what the room weighs. Every text from Jira escaped. */
function storyMrkdwn(s: RankedStory, place: number, browse: (key: string) => string): string {
  const head = `${Md.bold(`${place}.`)} ${ticketLink(browse(s.key), s.key)} ${escapeMrkdwn(cut(s.summary, SUMMARY_CHARS))}`;
  const persona = s.persona === null ? 'no persona' : `for ${escapeMrkdwn(cut(s.persona, PERSONA_CHARS))}${s.reach > 0 ? ` (+${s.reach})` : ''}`;
  const facts = [`customer ${Md.bold(num(s.customerScore))}`, `business ${num(s.businessScore)}`, `benefit ${num(s.benefit)} ÷ cost ${num(s.cost)}`, `evidence ${s.evidence}`, persona, `lint ${num(s.score)}`];
  const promise = s.metric ? `\n    promise: ${escapeMrkdwn(cut(promiseText(s.metric), PROMISE_CHARS))}` : '';
  return `${head}\n    ${facts.join(' · ')}${promise}`;
}

/** `/centric rank SHOP`: the top stories by customer benefit ÷ cost, with the formula, so the room can challenge it. */
export function rankMessage(reply: RankReply, browse: (key: string) => string): SlackMessage {
  const { project, ranking } = reply;
  const ranked = ranking.stories.filter((s) => s.unranked === null);
  const unranked = ranking.stories.length - ranked.length;
  if (ranking.stories.length === 0) return lineMessage(`${project} has no open story to rank.`);
  if (ranked.length === 0) {
    return lineMessage(`None of the ${ranking.stories.length} open stories of ${project} has both a benefit and a cost to rank by: set digest.benefitField and digest.costField in centric.yml, and fill them in on the tickets.`);
  }
  const rest = [
    ranked.length > RANK_TOP ? `${ranked.length - RANK_TOP} more ranked` : null,
    unranked > 0 ? `${unranked} not ranked (no benefit or no cost)` : null,
  ].filter(Boolean);
  const text = `Ranking of ${project}: ${ranking.stories.length} open stories, ${ranked.length} ranked`;
  const built = Message({ text })
    .ephemeral()
    .blocks(
      Blocks.Header({ text: `Ranking of ${project}` }),
      Blocks.Section({ text: `${Md.bold('Formula:')} ${escapeMrkdwn(ranking.formula)}\n${Md.italic(`Highest customer score first; ${ranking.ties}.`)}` }),
      reply.truncatedAt === null ? undefined : Blocks.Context().elements(truncatedNote(reply.truncatedAt)),
      ranked.slice(0, RANK_TOP).map((s, i) => Blocks.Section({ text: storyMrkdwn(s, i + 1, browse) })),
      rest.length === 0 ? undefined : Blocks.Context().elements(`${rest.join('; ')}: \`centric rank --project ${project}\` lists them all.`),
    )
    .buildToObject() as SlackMessage;
  return fit(built, 'message');
}
