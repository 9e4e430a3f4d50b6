import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from '../../../runtime/logger.js';
import { lineMessage, type SlackMessage } from '../../blocks.js';
import { replyPrivately } from '../../reply.js';

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
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const key = action.value ?? '';
      if (!/^[A-Z][A-Z0-9_]*-\d+$/.test(key)) return;
      const answer = await run(body.user.id, key).catch((err: unknown) => {
        logger.error({ action: actionId, ticket: key, err }, 'button failed');
        return lineMessage(`Sorry, that did not work for ${key}. Try again in a minute.`);
      });
      await replyPrivately(body, client, respond, answer).catch((err: unknown) => logger.warn({ action: actionId, ticket: key, err }, 'could not answer the button'));
    });
  button('snooze_ticket', flows.snooze);
  button('not_a_story', flows.notAStory);
}
