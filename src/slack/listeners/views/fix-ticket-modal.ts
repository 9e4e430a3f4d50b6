import type { App } from '@slack/bolt';
import type { StoryFix } from '../../../core/story/rewrite-story.js';
import type { Logger } from '../../../runtime/logger.js';
import { FIX_MODAL, fixValues } from '../../blocks.js';

export interface FixModalFlows {
  validate(key: string, fix: StoryFix): Promise<Record<string, string>>;
  apply(key: string, fix: StoryFix, userId: string, userName: string): Promise<void>;
}

/** The Fix-it submission: errors inline in the modal, or close it and write to Jira. */
export function registerFixModal(app: App, flows: FixModalFlows, logger: Logger): void {
  app.view(FIX_MODAL, async ({ ack, view, body }) => {
    const key = view.private_metadata;
    const fix = fixValues(view.state.values as never);
    const errors = await flows.validate(key, fix).catch(() => ({}));
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await flows.apply(key, fix, body.user.id, body.user.name ?? body.user.id).catch((err: unknown) => {
      logger.error({ ticket: key, err: err instanceof Error ? err.message : String(err) }, 'Fix-it from Slack failed');
    });
  });
}
