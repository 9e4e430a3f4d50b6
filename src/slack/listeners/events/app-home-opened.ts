import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { publishHome } from '../shared/home.js';

/** App Home: published each time the person opens it (the settings' actions publish it again). */
export function registerAppHomeOpened(app: App, deps: Pick<ListenerDeps, 'home' | 'browse' | 'logger' | 'locale'>): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, event.user, deps).catch((err: unknown) => deps.logger.error({ user: event.user, err }, 'could not publish App Home'));
  });
}
