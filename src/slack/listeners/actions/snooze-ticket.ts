import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import { lineMessage } from '../../views/line.js';
import type { ListenerDeps } from '../deps.js';
import { onTicketButton } from '../shared/ticket-button.js';

/** "Snooze a week" on a nudge: no nudge about the ticket for a while, never again about the same findings. */
export function registerSnoozeTicket(app: App, deps: Pick<ListenerDeps, 'tickets' | 'logger'>): void {
  onTicketButton(
    app,
    ACTION.snoozeTicket,
    async (user, key) => {
      const { days } = await deps.tickets.snooze(user, key);
      return lineMessage(`Snoozed ${key} for ${days} days: no nudge about it until then, and never again about the same findings.`);
    },
    deps.logger,
  );
}
