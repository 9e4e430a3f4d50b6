import type { App, BlockButtonAction } from '@slack/bolt';
import { lineMessage } from '../../views/line.js';
import { deniedLine } from '../../views/denied.js';
import { outcomeModal, outcomeNoticeModal } from '../../views/outcome.js';
import { replyPrivately } from '../../reply.js';
import type { ListenerDeps } from '../deps.js';
import { answerLine, REVIEW_ID } from './outcome-answer.js';
import { logFailure, sorry } from './failure.js';

/**
 * Target hit / Missed: a modal for the measured value and a note. A trigger_id lives 3 s, so the
 * modal opens at once and the check (who may answer) fills it in after.
 */
export function onOutcomeModalButton(app: App, actionId: string, answer: 'hit' | 'missed', deps: Pick<ListenerDeps, 'outcomes' | 'logger'>): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (!REVIEW_ID.test(action.value ?? '')) return;
    const reviewId = Number(action.value);
    let viewId: string;
    try {
      const opened = await client.views.open({ trigger_id: body.trigger_id, view: outcomeNoticeModal('…', 'Reading the outcome question…') as never });
      viewId = opened.view!.id!;
    } catch (err) {
      deps.logger.error({ err, review: reviewId }, 'could not open the outcome modal');
      await replyPrivately(body, client, respond, lineMessage('Sorry, Slack did not let me open the form. Press the button again.')).catch(() => undefined);
      return;
    }
    const view = await deps.outcomes.open(body.user.id, reviewId).then(
      (found) => {
        if (found.status === 'open') return outcomeModal(found.question, answer, body.container?.type === 'view');
        if (found.status === 'denied') return outcomeNoticeModal(found.key, `Not recorded. ${deniedLine(found.denied)}`);
        return outcomeNoticeModal(found.status === 'gone' ? '…' : found.key, answerLine(found) ?? 'Nothing to answer.');
      },
      (err: unknown) => outcomeNoticeModal('…', sorry('the question could not be read', 'Close this and try again in a minute.', logFailure(deps.logger, err, { review: reviewId }, 'could not read the outcome question'))),
    );
    await client.views.update({ view_id: viewId, view: view as never }).catch((err: unknown) => deps.logger.warn({ err, review: reviewId }, 'could not update the outcome modal'));
  });
}
