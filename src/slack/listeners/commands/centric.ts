import type { App } from '@slack/bolt';
import type { Locale } from '../../../core/i18n/locales.js';
import { parseCommand, type Command } from '../../../core/slash-command.js';
import type { CommandContext } from '../../../flows/slash-commands.js';
import { COMMAND } from '../../ids.js';
import { commandReply } from '../../views/command-replies.js';
import { slackText } from '../../views/i18n.js';
import { lineMessage } from '../../views/line.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from '../shared/failure.js';
import { personLocale } from '../shared/locale.js';

/** Answered inside the 3-second ack: no database, and no network but the person's language (cached, and waited for briefly). */
const ANSWERED_AT_ONCE = new Set<Command['name']>(['help', 'template']);

/** /centric: ack first (with the answer when it is instant), then the slow work, then respond; in the person's language. */
export function registerCentricCommand(app: App, deps: Pick<ListenerDeps, 'runCommand' | 'browse' | 'logger' | 'locale'>): void {
  const answer = async (ctx: CommandContext, command: Command, locale: Locale) => commandReply(await deps.runCommand(ctx, command), deps.browse, locale);
  app.command(COMMAND, async ({ command, ack, respond }) => {
    const parsed = parseCommand(command.text ?? '');
    const ctx = { userId: command.user_id, channelId: command.channel_id };
    if (!parsed.ok) {
      // Said in the person's language: parsing again is pure and cheap, the language cached and waited for briefly.
      const locale = await personLocale(deps, ctx.userId);
      const theirs = parseCommand(command.text ?? '', locale);
      await ack(lineMessage(theirs.ok ? parsed.error : theirs.error, locale));
      return;
    }
    if (ANSWERED_AT_ONCE.has(parsed.command.name)) {
      // The person's language is the one network call before this ack (cached, and bounded in time).
      await ack(await answer(ctx, parsed.command, await personLocale(deps, ctx.userId)));
      return;
    }
    await ack();
    const locale = await personLocale(deps, ctx.userId);
    try {
      await respond(await answer(ctx, parsed.command, locale));
    } catch (err) {
      const id = logFailure(deps.logger, err, { command: parsed.command.name, user: ctx.userId }, '/centric failed');
      const t = slackText(locale);
      await respond(lineMessage(sorry(t('sorry.command', { command: parsed.command.name }), t('sorry.retry'), id, locale), locale)).catch((e: unknown) => deps.logger.warn({ err: e }, 'could not answer /centric'));
    }
  });
}
