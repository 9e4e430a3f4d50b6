import type { App, BlockButtonAction } from '@slack/bolt';
import type { Locale } from '../../../core/i18n/locales.js';
import { ACTION } from '../../ids.js';
import { replyPrivately } from '../../reply.js';
import { fixModal, loadingModal, noticeModal } from '../../views/fix-modal.js';
import { slackText } from '../../views/i18n.js';
import type { SlackView } from '../../views/limits.js';
import { lineMessage } from '../../views/line.js';
import { deniedLine } from '../../views/denied.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from '../shared/failure.js';
import { personLocale } from '../shared/locale.js';

type FixDeps = Pick<ListenerDeps, 'fix' | 'logger' | 'locale'>;

/** The modal that replaces the loading one: pre-filled, or why the ticket cannot be fixed from here. */
function filledModal(deps: FixDeps, userId: string, key: string, locale: Locale): Promise<SlackView> {
  const t = slackText(locale);
  return deps.fix.prefill(userId, key).then(
    (result) => {
      if (result.kind === 'ready') return fixModal({ ...result.prefill, key }, deps.fix.personas(), locale);
      if (result.kind === 'gone') return noticeModal(key, t('fix.gone', { key }), locale);
      return noticeModal(key, deniedLine(result, locale), locale);
    },
    (err: unknown) => {
      const id = logFailure(deps.logger, err, { ticket: key, user: userId }, 'could not read the ticket for the Fix-it modal');
      return noticeModal(key, sorry(t('fix.jiraSlow', { key }), t('fix.jiraSlowTodo'), id, locale), locale);
    },
  );
}

/**
 * "Fix it": a trigger_id lives 3 s and Jira may be slower, so a loading modal opens at once and
 * is replaced by the pre-filled one (or by the reason it cannot be) when Jira has answered. Both
 * speak the person's language, waited for only briefly.
 */
export function registerFixTicket(app: App, deps: FixDeps): void {
  const { logger } = deps;
  app.action<BlockButtonAction>(ACTION.fixTicket, async ({ ack, action, body, client, respond }) => {
    await ack();
    const key = action.value ?? '';
    const locale = await personLocale(deps, body.user.id);
    let viewId: string;
    try {
      const opened = await client.views.open({ trigger_id: body.trigger_id, view: loadingModal(key, locale) as never });
      viewId = opened.view!.id!;
    } catch (err) {
      logger.error({ ticket: key, err }, 'could not open the Fix-it modal');
      await replyPrivately(body, client, respond, lineMessage(slackText(locale)('fix.notOpened', { key }), locale)).catch((e: unknown) => logger.warn({ err: e }, 'could not tell the person'));
      return;
    }
    const view = await filledModal(deps, body.user.id, key, locale);
    // The person may have closed the loading modal meanwhile: then there is nothing to update.
    await client.views.update({ view_id: viewId, view: view as never }).catch((err: unknown) => logger.warn({ ticket: key, err }, 'could not update the Fix-it modal'));
  });
}
