import type { App } from '@slack/bolt';
import type { Logger } from '../../../runtime/logger.js';

export interface HomeFlows {
  /** The Home view for a person. */
  view(userId: string): Promise<Record<string, any>>;
  mute(userId: string): Promise<void>;
  unmute(userId: string): Promise<void>;
  workingHours(userId: string, hours: string): Promise<void>;
  /** Opt in to (or out of) being mentioned in digests next to one's tickets that need attention. */
  digestMention(userId: string, on: boolean): Promise<void>;
}

/** App Home: published when opened, republished after each setting changes. */
export function registerAppHome(app: App, flows: HomeFlows, logger: Logger): void {
  const publish = async (client: App['client'], userId: string) => {
    await client.views.publish({ user_id: userId, view: (await flows.view(userId)) as never });
  };
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publish(client, event.user).catch((err: unknown) => logger.error({ user: event.user, err: err instanceof Error ? err.message : String(err) }, 'could not publish App Home'));
  });
  const setting = (actionId: string, run: (userId: string, selected: string | null) => Promise<void>) =>
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
