import type { App, BlockButtonAction } from '@slack/bolt';
import type { Locale } from '../../../core/i18n/locales.js';
import type { AnswerResult, OutcomeChoice } from '../../../flows/outcome-reviews.js';
import { replyPrivately } from '../../reply.js';
import { deniedLine } from '../../views/denied.js';
import { slackText } from '../../views/i18n.js';
import { lineMessage } from '../../views/line.js';
import { escapeMrkdwn } from '../../views/mrkdwn.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from './failure.js';
import { publishHome } from './home.js';
import { personLocale } from './locale.js';

/** A review id as the buttons carry it; anything else was not sent by Centric. */
export const REVIEW_ID = /^\d{1,12}$/;

/** What the person is told privately, in their language; null when the updated question says it all. */
export function answerLine(result: AnswerResult, locale: Locale = 'en'): string | null {
  const t = slackText(locale);
  switch (result.status) {
    case 'recorded':
    case 'later':
      return null;
    case 'gone':
      return t('answer.gone');
    case 'denied':
      return t('answer.denied', { denied: deniedLine(result.denied, locale) });
    case 'no-more-later':
      return t('answer.noMoreLater', { key: escapeMrkdwn(result.key), max: result.max });
    case 'closed': {
      const s = result.state;
      const key = escapeMrkdwn(result.key);
      if (s.kind === 'answered') return t('answer.answered', { key, answer: s.answer });
      if (s.kind === 'cancelled') return t('answer.reopened', { key });
      return t('answer.notWaiting', { key });
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
  deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'home' | 'browse' | 'locale'>,
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
  const locale = await personLocale(deps, user.id);
  const t = slackText(locale);
  const line = result.status === 'failed' ? sorry(t('outcome.notRecorded'), t('outcome.notRecordedTodo'), result.id, locale) : answerLine(result, locale);
  if (line) await replyPrivately(from, client, respond, lineMessage(line, locale)).catch((err: unknown) => deps.logger.warn({ err, review: reviewId }, 'could not answer the outcome button'));
  if (from.fromHome) await publishHome(client, user.id, deps).catch((err: unknown) => deps.logger.warn({ err }, 'could not refresh App Home'));
}

/** Too early / Not measured: answered at once, no modal. */
export function onOutcomeButton(app: App, actionId: string, choice: OutcomeChoice, deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'home' | 'browse' | 'locale'>): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!REVIEW_ID.test(action.value ?? '')) return;
    await answerFrom(client, deps, { user: body.user, response_url: body.response_url, fromHome: body.container?.type === 'view' }, respond, Number(action.value), choice);
  });
}
