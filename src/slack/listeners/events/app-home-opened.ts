import type { App } from '@slack/bolt';
import type { HomeData } from '../../../flows/app-home.js';
import type { Logger } from '../../../runtime/logger.js';
import { homeView } from '../../blocks.js';

export interface HomeFlows {
  /** What the Home tab shows a person. */
  data(userId: string): Promise<HomeData>;
  mute(userId: string): Promise<void>;
  unmute(userId: string): Promise<void>;
  workingHours(userId: string, hours: string): Promise<unknown>;
  /** Opt in to (or out of) being mentioned in digests next to one's tickets that need attention. */
  digestMention(userId: string, on: boolean): Promise<void>;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** App Home: published when opened, republished after each setting changes. */
export function registerAppHome(app: App, flows: HomeFlows, browse: (key: string) => string, logger: Logger): void {
  const publish = async (client: App['client'], userId: string) => {
    await client.views.publish({ user_id: userId, view: homeView(await flows.data(userId), browse, isoDate) as never });
  };
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publish(client, event.user).catch((err: unknown) => logger.error({ user: event.user, err }, 'could not publish App Home'));
  });
  const setting = (actionId: string, run: (userId: string, selected: string | null) => Promise<unknown>) =>
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const selected = (action as { selected_option?: { value?: string } }).selected_option?.value ?? null;
      await run(body.user.id, selected);
      await publish(client, body.user.id);
    });
  setting('home_mute', (user) => flows.mute(user));
  setting('home_unmute', (user) => flows.unmute(user));
  setting('home_digest_mention_on', (user) => flows.digestMention(user, true));
  setting('home_digest_mention_off', (user) => flows.digestMention(user, false));
  setting('home_working_hours', async (user, hours) => {
    if (hours) await flows.workingHours(user, hours);
  });
}
