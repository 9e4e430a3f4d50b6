import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from '../../../runtime/logger.js';
import { lineMessage, type SlackMessage } from '../../blocks.js';

export interface TicketButtonFlows {
  snooze(userId: string, ticketKey: string): Promise<SlackMessage>;
  notAStory(userId: string, ticketKey: string): Promise<SlackMessage>;
}

/** The buttons of a nudge: ack at once, then the flow, then an ephemeral answer. */
export function registerTicketButtons(app: App, flows: TicketButtonFlows, logger: Logger): void {
  // A link button still sends an action; it only needs acknowledging.
  app.action('open_in_jira', async ({ ack }) => {
    await ack();
  });
  const button = (actionId: string, run: (userId: string, key: string) => Promise<SlackMessage>) =>
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const key = action.value ?? '';
      if (!/^[A-Z][A-Z0-9_]*-\d+$/.test(key)) return;
      try {
        await respond({ ...(await run(body.user.id, key)), response_type: 'ephemeral', replace_original: false });
      } catch (err) {
        logger.error({ action: actionId, ticket: key, err: err instanceof Error ? err.message : String(err) }, 'button failed');
        await respond({ ...lineMessage(`Sorry, that did not work for ${key}. Try again in a minute.`), response_type: 'ephemeral', replace_original: false });
      }
    });
  button('snooze_ticket', flows.snooze);
  button('not_a_story', flows.notAStory);
}
