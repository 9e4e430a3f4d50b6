import type { App, BlockButtonAction } from '@slack/bolt';
import { slackText } from '../../views/i18n.js';
import { lineMessage } from '../../views/line.js';
import { deniedLine } from '../../views/denied.js';
import { outcomeModal, outcomeNoticeModal } from '../../views/outcome.js';
import { replyPrivately } from '../../reply.js';
import type { ListenerDeps } from '../deps.js';
import { answerLine, REVIEW_ID } from './outcome-answer.js';
import { logFailure, sorry } from './failure.js';
import { personLocale } from './locale.js';

/**
 * Target hit / Missed: a modal for the measured value and a note. A trigger_id lives 3 s, so the
 * modal opens at once and the check (who may answer) fills it in after.
 */
export function onOutcomeModalButton(app: App, actionId: string, answer: 'hit' | 'missed', deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'locale'>): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (!REVIEW_ID.test(action.value ?? '')) return;
    const reviewId = Number(action.value);
    // The trigger_id lives 3 s: the person's language is waited for only briefly.
    const locale = await personLocale(deps, body.user.id);
    const t = slackText(locale);
    let viewId: string;
    try {
      const opened = await client.views.open({ trigger_id: body.trigger_id, view: outcomeNoticeModal('…', t('outcome.reading'), locale) as never });
      viewId = opened.view!.id!;
    } catch (err) {
      deps.logger.error({ err, review: reviewId }, 'could not open the outcome modal');
      await replyPrivately(body, client, respond, lineMessage(t('outcome.notOpened'), locale)).catch(() => undefined);
      return;
    }
    const view = await deps.outcomes.open(body.user.id, reviewId).then(
      (found) => {
        if (found.status === 'open') return outcomeModal(found.question, answer, body.container?.type === 'view', locale);
        if (found.status === 'denied') return outcomeNoticeModal(found.key, t('answer.denied', { denied: deniedLine(found.denied, locale) }), locale);
        return outcomeNoticeModal(found.status === 'gone' ? '…' : found.key, answerLine(found, locale) ?? t('outcome.nothing'), locale);
      },
      (err: unknown) => outcomeNoticeModal('…', sorry(t('outcome.unread'), t('outcome.unreadTodo'), logFailure(deps.logger, err, { review: reviewId }, 'could not read the outcome question'), locale), locale),
    );
    await client.views.update({ view_id: viewId, view: view as never }).catch((err: unknown) => deps.logger.warn({ err, review: reviewId }, 'could not update the outcome modal'));
  });
}
