import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from '../../../runtime/logger.js';
import { fixModal, lineMessage, loadingModal, noticeModal, type FixPrefill } from '../../blocks.js';
import { replyPrivately } from '../../reply.js';

/**
 * "Fix it": a trigger_id lives 3 s and Jira may be slower, so a loading modal opens at once and
 * is replaced by the pre-filled one (or by the reason it cannot be) when Jira has answered.
 */
export function registerFixButton(app: App, prefill: (key: string) => Promise<FixPrefill | null>, personas: () => string[], logger: Logger): void {
  app.action<BlockButtonAction>('fix_ticket', async ({ ack, action, body, client, respond }) => {
    await ack();
    const key = action.value ?? '';
    let viewId: string;
    try {
      const opened = await client.views.open({ trigger_id: body.trigger_id, view: loadingModal(key) as never });
      viewId = opened.view!.id!;
    } catch (err) {
      logger.error({ ticket: key, err }, 'could not open the Fix-it modal');
      await replyPrivately(body, client, respond, lineMessage(`Sorry, Slack did not let me open ${key} to fix it. Press Fix it again.`)).catch((e: unknown) => logger.warn({ err: e }, 'could not tell the person'));
      return;
    }
    const view = await prefill(key).then(
      (values) => (values ? fixModal({ ...values, key }, personas()) : noticeModal(key, `${key} does not exist any more, or Centric's Jira account cannot see it.`)),
      (err: unknown) => {
        logger.error({ ticket: key, err }, 'could not read the ticket for the Fix-it modal');
        return noticeModal(key, `Sorry, Jira did not answer in time for ${key}. Close this and try again in a minute, or fix it in Jira.`);
      },
    );
    // The person may have closed the loading modal meanwhile: then there is nothing to update.
    await client.views.update({ view_id: viewId, view: view as never }).catch((err: unknown) => logger.warn({ ticket: key, err }, 'could not update the Fix-it modal'));
  });
}
