import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import { lineMessage } from '../../views/line.js';
import type { ListenerDeps } from '../deps.js';
import { onTicketButton } from '../shared/ticket-button.js';

/** "Not a story" on a nudge: the ticket gets the exempt label, and Centric leaves it alone. */
export function registerNotAStory(app: App, deps: Pick<ListenerDeps, 'tickets' | 'logger'>): void {
  onTicketButton(
    app,
    ACTION.notAStory,
    async (user, key) => {
      const { label } = await deps.tickets.notAStory(user, key);
      return lineMessage(`${key} is marked as not a story (label ${label}): Centric leaves it alone from now on.`);
    },
    deps.logger,
  );
}
