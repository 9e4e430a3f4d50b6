import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from '../../../runtime/logger.js';
import { fixModal, lineMessage, type FixPrefill } from '../../blocks.js';

/** "Fix it": opens the modal, pre-filled with the story as the ticket tells it. */
export function registerFixButton(app: App, prefill: (key: string) => Promise<FixPrefill | null>, personas: () => string[], logger: Logger): void {
  app.action<BlockButtonAction>('fix_ticket', async ({ ack, action, body, client, respond }) => {
    await ack();
    const key = action.value ?? '';
    try {
      const values = await prefill(key);
      if (!values) {
        await respond({ ...lineMessage(`${key} does not exist any more, or Centric's Jira account cannot see it.`), response_type: 'ephemeral', replace_original: false });
        return;
      }
      await client.views.open({ trigger_id: body.trigger_id, view: fixModal(values, personas()) as never });
    } catch (err) {
      logger.error({ ticket: key, err: err instanceof Error ? err.message : String(err) }, 'could not open the Fix-it modal');
      await respond({ ...lineMessage(`Sorry, I could not open ${key} to fix it. Try again in a minute, or fix it in Jira.`), response_type: 'ephemeral', replace_original: false });
    }
  });
}
