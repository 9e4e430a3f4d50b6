import type { App } from '@slack/bolt';
import type { FixOutcome } from '../../../flows/fix-ticket.js';
import { VIEW } from '../../ids.js';
import { fixMetadata, fixValues } from '../../views/fix-modal.js';
import type { SlackMessage } from '../../views/limits.js';
import { lineMessage } from '../../views/line.js';
import { deniedLine } from '../../views/denied.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from '../shared/failure.js';

/** What the person is told of how Fix it went. */
function outcomeMessage(outcome: FixOutcome): SlackMessage {
  if (outcome.status === 'gone') return lineMessage(`${outcome.key} could not be updated: it does not exist any more.`);
  if (outcome.status === 'denied') return lineMessage(`${outcome.key} was not updated. ${deniedLine(outcome.denied)}`);
  return lineMessage(`Updated ${outcome.key} from Slack: it now scores ${outcome.score ?? '–'}/100.`);
}

/**
 * The Fix-it submission: errors inline in the modal, or close it at once and write to Jira after
 * the ack (past 3 s Slack shows the person an error and drops the answer); the outcome goes by DM.
 */
export function registerFixTicketModal(app: App, { fix, logger }: Pick<ListenerDeps, 'fix' | 'logger'>): void {
  app.view(VIEW.fixTicket, async ({ ack, view, body, client }) => {
    const { key, ticketHasMetric, form } = fixMetadata(view);
    const values = fixValues(view.state.values as never, form);
    const errors = fix.validate(key, values, ticketHasMetric);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const outcome = await fix.apply(key, values, body.user.id, body.user.name ?? body.user.id).then(outcomeMessage, (err: unknown) => {
      const id = logFailure(logger, err, { ticket: key, user: body.user.id }, 'Fix-it from Slack failed');
      return lineMessage(sorry(`${key} could not be updated from Slack: Jira answered with an error`, 'Check the ticket in Jira, and try again in a minute.', id));
    });
    await client.chat.postMessage({ channel: body.user.id, text: outcome.text, blocks: outcome.blocks as never }).catch((err: unknown) => logger.warn({ ticket: key, err }, 'could not tell the person how Fix it went'));
  });
}
