import type { App } from '@slack/bolt';
import { parseCommand, type Command } from '../../../core/slash-command.js';
import type { CommandContext, CommandResult } from '../../../flows/slash-commands.js';
import type { Logger } from '../../../runtime/logger.js';
import { lineMessage } from '../../blocks.js';
import { commandReply } from './centric-replies.js';

/** Answered inside the 3-second ack: no network, no database. */
const ANSWERED_AT_ONCE = new Set<Command['name']>(['help', 'template']);

export type RunCommand = (ctx: CommandContext, command: Command) => Promise<CommandResult>;

/** /centric: ack first (with the answer when it is instant), then the slow work, then respond. */
export function registerCentricCommand(app: App, run: RunCommand, browse: (key: string) => string, logger: Logger): void {
  const answer = async (ctx: CommandContext, command: Command) => commandReply(await run(ctx, command), browse);
  app.command('/centric', async ({ command, ack, respond }) => {
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
      logger.error({ command: parsed.command.name, user: ctx.userId, err }, '/centric failed');
      await respond(lineMessage(`Sorry, that did not work: ${err instanceof Error ? err.message : 'unexpected error'}. Try again in a minute.`));
    }
  });
}
