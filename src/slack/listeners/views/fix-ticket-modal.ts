import type { App } from '@slack/bolt';
import type { StoryFix } from '../../../core/story/rewrite-story.js';
import type { FixOutcome } from '../../../flows/fix-ticket.js';
import type { Logger } from '../../../runtime/logger.js';
import { FIX_MODAL, fixMetadata, fixValues, lineMessage, type SlackMessage } from '../../blocks.js';

export interface FixModalFlows {
  /** Pure: checks the modal from what it holds, so the answer fits in Slack's 3 s. */
  validate(key: string, fix: StoryFix, ticketHasMetric: boolean): Record<string, string>;
  /** Writes to Jira; resolves to how it went. */
  apply(key: string, fix: StoryFix, userId: string, userName: string): Promise<FixOutcome>;
}

/** What the person is told of how Fix it went. */
function outcomeMessage(outcome: FixOutcome): SlackMessage {
  if (outcome.status === 'gone') return lineMessage(`${outcome.key} could not be updated: it does not exist any more.`);
  return lineMessage(`Updated ${outcome.key} from Slack: it now scores ${outcome.score ?? '–'}/100.`);
}

/**
 * The Fix-it submission: errors inline in the modal, or close it at once and write to Jira after
 * the ack (past 3 s Slack shows the person an error and drops the answer); the outcome goes by DM.
 */
export function registerFixModal(app: App, flows: FixModalFlows, logger: Logger): void {
  app.view(FIX_MODAL, async ({ ack, view, body, client }) => {
    const { key, ticketHasMetric } = fixMetadata(view);
    const fix = fixValues(view.state.values as never);
    const errors = flows.validate(key, fix, ticketHasMetric);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const outcome = await flows.apply(key, fix, body.user.id, body.user.name ?? body.user.id).then(outcomeMessage, (err: unknown) => {
      logger.error({ ticket: key, err }, 'Fix-it from Slack failed');
      return lineMessage(`Sorry, ${key} could not be updated from Slack: Jira answered with an error. Check the ticket in Jira, and try again in a minute.`);
    });
    await client.chat.postMessage({ channel: body.user.id, text: outcome.text, blocks: outcome.blocks as never }).catch((err: unknown) => logger.warn({ ticket: key, err }, 'could not tell the person how Fix it went'));
  });
}
