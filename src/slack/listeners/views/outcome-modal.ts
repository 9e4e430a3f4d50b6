import type { App } from '@slack/bolt';
import { VIEW } from '../../ids.js';
import { outcomeMetadata, outcomeValues } from '../../views/outcome.js';
import type { ListenerDeps } from '../deps.js';
import { answerFrom } from '../shared/outcome-answer.js';

/**
 * The outcome modal's submission: closed at once (Slack drops an answer acknowledged after 3 s),
 * then the answer is recorded; the question updates in place, and a refusal comes by DM.
 */
export function registerOutcomeModal(app: App, deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'home' | 'browse' | 'locale'>): void {
  app.view(VIEW.outcome, async ({ ack, view, body, client }) => {
    await ack();
    const metadata = outcomeMetadata(view);
    if (!metadata) return;
    await answerFrom(client, deps, { user: body.user, fromHome: metadata.fromHome === true }, undefined, metadata.reviewId, metadata.answer, outcomeValues(view.state.values as never));
  });
}
