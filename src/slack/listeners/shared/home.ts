import type { App } from '@slack/bolt';
import { homeView } from '../../views/home.js';
import type { ListenerDeps } from '../deps.js';

type HomeDeps = Pick<ListenerDeps, 'home' | 'browse'>;

/** Dates in App Home, e.g. the end of a mute: the day, in UTC. */
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Publishes a person's App Home as it is now. */
export async function publishHome(client: App['client'], userId: string, deps: HomeDeps): Promise<void> {
  await client.views.publish({ user_id: userId, view: homeView(await deps.home.data(userId), deps.browse, isoDate) as never });
}

/** An App Home setting: ack, store the choice (a select's value, null for a button), publish the Home tab again. */
export function onHomeSetting(app: App, actionId: string, run: (userId: string, selected: string | null) => Promise<unknown>, deps: HomeDeps): void {
  app.action(actionId, async ({ ack, body, action, client }) => {
    await ack();
    const selected = (action as { selected_option?: { value?: string } }).selected_option?.value ?? null;
    await run(body.user.id, selected);
    await publishHome(client, body.user.id, deps);
  });
}
