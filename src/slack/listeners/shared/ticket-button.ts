import type { App, BlockButtonAction } from '@slack/bolt';
import type { Locale } from '../../../core/i18n/locales.js';
import { TICKET_KEY } from '../../../core/jira-keys.js';
import { replyPrivately } from '../../reply.js';
import { slackText } from '../../views/i18n.js';
import type { SlackMessage } from '../../views/limits.js';
import { lineMessage } from '../../views/line.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from './failure.js';
import { personLocale } from './locale.js';

/**
 * A nudge button that acts on a ticket: ack at once, then `run` (the flow and its answer, in the
 * person's language), then the answer as an ephemeral message; a failed flow is answered with a
 * line saying so.
 */
export function onTicketButton(
  app: App,
  actionId: string,
  run: (userId: string, key: string, userName: string, locale: Locale) => Promise<SlackMessage>,
  deps: Pick<ListenerDeps, 'logger' | 'locale'>,
): void {
  const { logger } = deps;
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond, client }) => {
    await ack();
    const key = action.value ?? '';
    // A ticket key as the buttons carry it; anything else was not sent by Centric.
    if (!TICKET_KEY.test(key)) return;
    const locale = await personLocale(deps, body.user.id);
    const answer = await run(body.user.id, key, body.user.name ?? body.user.id, locale).catch((err: unknown) => {
      const id = logFailure(logger, err, { action: actionId, ticket: key, user: body.user.id }, 'button failed');
      const t = slackText(locale);
      return lineMessage(sorry(t('sorry.button', { key }), t('sorry.retry'), id, locale), locale);
    });
    await replyPrivately(body, client, respond, answer).catch((err: unknown) => logger.warn({ action: actionId, ticket: key, err }, 'could not answer the button'));
  });
}
