import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/**
 * tokens_revoked: when the bot's token is among them, Centric can no longer post anything; `revoked`
 * stops background posting and makes /readyz say why.
 */
export function registerTokensRevoked(app: App, { revoked, logger }: Pick<ListenerDeps, 'revoked' | 'logger'>): void {
  app.event('tokens_revoked', async ({ event }) => {
    const bots = (event as { tokens?: { bot?: string[] } }).tokens?.bot ?? [];
    if (bots.length === 0) return;
    logger.error({ component: 'slack', event: 'tokens_revoked' }, "Slack revoked Centric's bot token: nothing is posted to Slack until the app is reinstalled and Centric restarted with the new token");
    revoked("Slack revoked the bot token (tokens_revoked): reinstall the app and restart Centric with the new SLACK_BOT_TOKEN");
  });
}
