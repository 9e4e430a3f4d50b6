import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import { lineMessage } from '../../views/line.js';
import { deniedLine } from '../../views/denied.js';
import type { ListenerDeps } from '../deps.js';
import { onTicketButton } from '../shared/ticket-button.js';

/** "Not a story" on a nudge: the ticket gets the exempt label, and Centric leaves it alone. */
export function registerNotAStory(app: App, deps: Pick<ListenerDeps, 'tickets' | 'logger'>): void {
  onTicketButton(
    app,
    ACTION.notAStory,
    async (user, key, name) => {
      const result = await deps.tickets.notAStory(user, key, name);
      if (!('label' in result)) return lineMessage(`${key} was not changed. ${deniedLine(result)}`);
      const { label } = result;
      return lineMessage(`${key} is marked as not a story (label ${label}): Centric leaves it alone from now on.`);
    },
    deps.logger,
  );
}
