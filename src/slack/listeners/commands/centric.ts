import type { App } from '@slack/bolt';
import { parseCommand, type Command } from '../../../core/slash-command.js';
import type { CommandContext } from '../../../flows/slash-commands.js';
import { COMMAND } from '../../ids.js';
import { commandReply } from '../../views/command-replies.js';
import { lineMessage } from '../../views/line.js';
import type { ListenerDeps } from '../deps.js';
import { logFailure, sorry } from '../shared/failure.js';

/** Answered inside the 3-second ack: no network, no database. */
const ANSWERED_AT_ONCE = new Set<Command['name']>(['help', 'template']);

/** /centric: ack first (with the answer when it is instant), then the slow work, then respond. */
export function registerCentricCommand(app: App, deps: Pick<ListenerDeps, 'runCommand' | 'browse' | 'logger'>): void {
  const answer = async (ctx: CommandContext, command: Command) => commandReply(await deps.runCommand(ctx, command), deps.browse);
  app.command(COMMAND, async ({ command, ack, respond }) => {
    const parsed = parseCommand(command.text ?? '');
    const ctx = { userId: command.user_id, channelId: command.channel_id };
    if (!parsed.ok) {
      await ack(lineMessage(parsed.error));
      return;
    }
    if (ANSWERED_AT_ONCE.has(parsed.command.name)) {
      await ack(await answer(ctx, parsed.command));
      return;
    }
    await ack();
    try {
      await respond(await answer(ctx, parsed.command));
    } catch (err) {
      const id = logFailure(deps.logger, err, { command: parsed.command.name, user: ctx.userId }, '/centric failed');
      await respond(lineMessage(sorry(`/centric ${parsed.command.name} did not work`, 'Try again in a minute.', id))).catch((e: unknown) => deps.logger.warn({ err: e }, 'could not answer /centric'));
    }
  });
}
