import type { App, BlockButtonAction } from '@slack/bolt';
import type { AnswerResult, OutcomeChoice } from '../../../flows/outcome-reviews.js';
import { ANSWER_TEXT } from '../../../core/outcome/outcome.js';
import type { Logger } from '../../../runtime/logger.js';
import { replyPrivately } from '../../reply.js';
import { deniedLine } from '../../views/denied.js';
import { lineMessage } from '../../views/line.js';
import { escapeMrkdwn } from '../../views/mrkdwn.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from './failure.js';
import { publishHome } from './home.js';

/** A review id as the buttons carry it; anything else was not sent by Centric. */
export const REVIEW_ID = /^\d{1,12}$/;

/** What the person is told privately; null when the updated question says it all. */
export function answerLine(result: AnswerResult): string | null {
  switch (result.status) {
    case 'recorded':
    case 'later':
      return null;
    case 'gone':
      return 'That outcome question no longer exists.';
    case 'denied':
      return `Not recorded. ${deniedLine(result.denied)}`;
    case 'no-more-later':
      return `${escapeMrkdwn(result.key)} was put off ${result.max} times already: say Target hit, Missed or Not measured.`;
    case 'closed': {
      const s = result.state;
      if (s.kind === 'answered') return `${escapeMrkdwn(result.key)} was answered already: ${ANSWER_TEXT[s.answer]}. Nothing changed.`;
      if (s.kind === 'cancelled') return `${escapeMrkdwn(result.key)} was reopened: no answer is needed until it ships again.`;
      return `${escapeMrkdwn(result.key)} is not waiting for an answer right now.`;
    }
  }
}

/**
 * Answers a question from a button (Too early, Not measured), or from the modal: the answer, then
 * a private line when there is something to say; App Home is published again when the button sat there.
 */
/** Who answered, and where from: a button in a message (its response_url), in App Home, or the modal. */
export interface AnsweredFrom {
  user: { id: string; name?: string };
  response_url?: string;
  fromHome: boolean;
}

export async function answerFrom(
  client: App['client'],
  deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'home' | 'browse'>,
  from: AnsweredFrom,
  respond: Parameters<typeof replyPrivately>[2],
  reviewId: number,
  choice: OutcomeChoice,
  input?: { measured: string; note: string },
): Promise<void> {
  const user = from.user;
  const result = await deps.outcomes.answer(user.id, user.name ?? user.id, reviewId, choice, input).catch((err: unknown) => {
    const id = logFailure(deps.logger, err, { review: reviewId, user: user.id, choice }, 'outcome answer failed');
    return { status: 'failed' as const, id };
  });
  const line = result.status === 'failed' ? sorry('your answer was not recorded', 'Press the button again in a minute.', result.id) : answerLine(result);
  if (line) await replyPrivately(from, client, respond, lineMessage(line)).catch((err: unknown) => deps.logger.warn({ err, review: reviewId }, 'could not answer the outcome button'));
  if (from.fromHome) await publishHome(client, user.id, deps).catch((err: unknown) => deps.logger.warn({ err }, 'could not refresh App Home'));
}

/** Too early / Not measured: answered at once, no modal. */
export function onOutcomeButton(app: App, actionId: string, choice: OutcomeChoice, deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'home' | 'browse'>): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!REVIEW_ID.test(action.value ?? '')) return;
    await answerFrom(client, deps, { user: body.user, response_url: body.response_url, fromHome: body.container?.type === 'view' }, respond, Number(action.value), choice);
  });
}
