import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import { slackText } from '../../views/i18n.js';
import { lineMessage } from '../../views/line.js';
import { deniedLine } from '../../views/denied.js';
import type { ListenerDeps } from '../deps.js';
import { onTicketButton } from '../shared/ticket-button.js';

/** "Not a story" on a nudge: the ticket gets the exempt label, and Centric leaves it alone. */
export function registerNotAStory(app: App, deps: Pick<ListenerDeps, 'tickets' | 'logger' | 'locale'>): void {
  onTicketButton(
    app,
    ACTION.notAStory,
    async (user, key, name, locale) => {
      const t = slackText(locale);
      const result = await deps.tickets.notAStory(user, key, name);
      if (!('label' in result)) return lineMessage(t('notAStory.denied', { key, denied: deniedLine(result, locale) }), locale);
      return lineMessage(t('notAStory.done', { key, label: result.label }), locale);
    },
    deps,
  );
}
