import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from '../../../runtime/logger.js';
import { lineMessage, type SlackMessage } from '../../blocks.js';
import { replyPrivately } from '../../reply.js';

export interface TicketButtonFlows {
  /** Resolves to how many days no nudge about the ticket comes. */
  snooze(userId: string, ticketKey: string): Promise<{ days: number }>;
  /** Resolves to the label that now exempts the ticket. */
  notAStory(userId: string, ticketKey: string): Promise<{ label: string }>;
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
  button('snooze_ticket', async (user, key) => {
    const { days } = await flows.snooze(user, key);
    return lineMessage(`Snoozed ${key} for ${days} days: no nudge about it until then, and never again about the same findings.`);
  });
  button('not_a_story', async (user, key) => {
    const { label } = await flows.notAStory(user, key);
    return lineMessage(`${key} is marked as not a story (label ${label}): Centric leaves it alone from now on.`);
  });
}
