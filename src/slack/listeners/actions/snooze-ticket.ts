import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import { slackText } from '../../views/i18n.js';
import { lineMessage } from '../../views/line.js';
import type { ListenerDeps } from '../deps.js';
import { onTicketButton } from '../shared/ticket-button.js';

/** "Snooze a week" on a nudge: no nudge about the ticket for a while, never again about the same findings. */
export function registerSnoozeTicket(app: App, deps: Pick<ListenerDeps, 'tickets' | 'logger' | 'locale'>): void {
  onTicketButton(
    app,
    ACTION.snoozeTicket,
    async (user, key, _name, locale) => {
      const { days } = await deps.tickets.snooze(user, key);
      return lineMessage(slackText(locale)('snooze.done', { key, days }), locale);
    },
    deps,
  );
}
