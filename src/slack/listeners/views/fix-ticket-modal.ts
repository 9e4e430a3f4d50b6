import type { App } from '@slack/bolt';
import type { Locale } from '../../../core/i18n/locales.js';
import type { FixOutcome } from '../../../flows/fix-ticket.js';
import { VIEW } from '../../ids.js';
import { fixMetadata, fixValues } from '../../views/fix-modal.js';
import { slackText } from '../../views/i18n.js';
import type { SlackMessage } from '../../views/limits.js';
import { lineMessage } from '../../views/line.js';
import { deniedLine } from '../../views/denied.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from '../shared/failure.js';
import { personLocale } from '../shared/locale.js';

/** What the person is told of how Fix it went, in their language. */
function outcomeMessage(outcome: FixOutcome, locale: Locale): SlackMessage {
  const t = slackText(locale);
  if (outcome.status === 'gone') return lineMessage(t('fix.outcomeGone', { key: outcome.key }), locale);
  if (outcome.status === 'denied') return lineMessage(t('fix.outcomeDenied', { key: outcome.key, denied: deniedLine(outcome.denied, locale) }), locale);
  return lineMessage(t('fix.updated', { key: outcome.key, score: String(outcome.score ?? '–') }), locale);
}

/**
 * The Fix-it submission: errors inline in the modal, or close it at once and write to Jira after
 * the ack (past 3 s Slack shows the person an error and drops the answer); the outcome goes by DM.
 */
export function registerFixTicketModal(app: App, deps: Pick<ListenerDeps, 'fix' | 'logger' | 'locale'>): void {
  const { fix, logger } = deps;
  app.view(VIEW.fixTicket, async ({ ack, view, body, client }) => {
    const { key, ticketHasMetric, form, language } = fixMetadata(view);
    // Written back in the story's language, which the modal's story labels spoke.
    const values = fixValues(view.state.values as never, form, language);
    // The errors in the person's language: cached since the modal opened, and waited for briefly (the ack is due within 3 s).
    const locale = await personLocale(deps, body.user.id);
    const errors = fix.validate(key, values, ticketHasMetric, locale);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const t = slackText(locale);
    const outcome = await fix.apply(key, values, body.user.id, body.user.name ?? body.user.id).then(
      (done) => outcomeMessage(done, locale),
      (err: unknown) => {
        const id = logFailure(logger, err, { ticket: key, user: body.user.id }, 'Fix-it from Slack failed');
        return lineMessage(sorry(t('fix.failed', { key }), t('fix.failedTodo'), id, locale), locale);
      },
    );
    await client.chat.postMessage({ channel: body.user.id, text: outcome.text, blocks: outcome.blocks as never }).catch((err: unknown) => logger.warn({ ticket: key, err }, 'could not tell the person how Fix it went'));
  });
}
