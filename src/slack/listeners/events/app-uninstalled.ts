import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** app_uninstalled: the workspace removed Centric; `revoked` stops background posting and makes /readyz say why. */
export function registerAppUninstalled(app: App, { revoked, logger }: Pick<ListenerDeps, 'revoked' | 'logger'>): void {
  app.event('app_uninstalled', async () => {
    logger.error({ component: 'slack', event: 'app_uninstalled' }, 'Centric was uninstalled from the Slack workspace: nothing is posted to Slack until it is reinstalled and Centric restarted');
    revoked('the Slack app was uninstalled (app_uninstalled): reinstall it and restart Centric with the new SLACK_BOT_TOKEN');
  });
}
