import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';

/** "Open in Jira" is a link button: Slack still sends the click, and it only needs acknowledging. */
export function registerOpenInJira(app: App): void {
  app.action(ACTION.openInJira, async ({ ack }) => {
    await ack();
  });
}
