import type { App } from '@slack/bolt';
import type { Locale } from '../../../core/i18n/locales.js';
import { homeView } from '../../views/home.js';
import type { ListenerDeps } from '../deps.js';
import { personLocale } from './locale.js';

type HomeDeps = Pick<ListenerDeps, 'home' | 'browse' | 'logger' | 'locale'>;

/**
 * Dates in App Home, e.g. the end of a mute: the day, in UTC. English keeps the ISO date it always
 * showed; the other languages write the day as they do ("1. März 2025").
 */
const homeDate =
  (locale: Locale) =>
  (ms: number): string =>
    locale === 'en' ? new Date(ms).toISOString().slice(0, 10) : new Date(ms).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** Publishes a person's App Home as it is now, in their language. */
export async function publishHome(client: App['client'], userId: string, deps: HomeDeps): Promise<void> {
  const [data, locale] = await Promise.all([deps.home.data(userId), personLocale(deps, userId)]);
  await client.views.publish({ user_id: userId, view: homeView(data, deps.browse, homeDate(locale), locale) as never });
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
