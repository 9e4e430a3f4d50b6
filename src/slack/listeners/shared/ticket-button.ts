import type { App, BlockButtonAction } from '@slack/bolt';
import type { Logger } from '../../../runtime/logger.js';
import { replyPrivately } from '../../reply.js';
import type { SlackMessage } from '../../views/limits.js';
import { lineMessage } from '../../views/line.js';
import { logFailure, sorry } from './failure.js';

/** A ticket key as the buttons carry it; anything else was not sent by Centric. */
const TICKET_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/**
 * A nudge button that acts on a ticket: ack at once, then `run` (the flow and its answer), then
 * the answer as an ephemeral message; a failed flow is answered with a line saying so.
 */
export function onTicketButton(app: App, actionId: string, run: (userId: string, key: string, userName: string) => Promise<SlackMessage>, logger: Logger): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
    await ack();
    const key = action.value ?? '';
    if (!TICKET_KEY.test(key)) return;
    const answer = await run(body.user.id, key, body.user.name ?? body.user.id).catch((err: unknown) => {
      const id = logFailure(logger, err, { action: actionId, ticket: key, user: body.user.id }, 'button failed');
      return lineMessage(sorry(`that did not work for ${key}`, 'Try again in a minute.', id));
    });
    await replyPrivately(body, client, respond, answer).catch((err: unknown) => logger.warn({ action: actionId, ticket: key, err }, 'could not answer the button'));
  });
}
