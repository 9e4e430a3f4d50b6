import type { Locale } from '../../core/i18n/locales.js';
import type { Command } from '../../core/slash-command.js';
import type { StoryFix } from '../../core/story/rewrite-story.js';
import type { Denied } from '../../flows/access.js';
import type { HomeData } from '../../flows/app-home.js';
import type { FixOutcome, PrefillResult } from '../../flows/fix-ticket.js';
import type { AnswerResult, OutcomeChoice, OutcomeInput, outcomeForAnswer } from '../../flows/outcome-reviews.js';
import type { CommandContext, CommandResult } from '../../flows/slash-commands.js';
import type { Logger } from '../../runtime/logger.js';

/** The buttons of a nudge that change what Centric does about a ticket. */
export interface TicketFlows {
  /** Resolves to how many days no nudge about the ticket comes. */
  snooze(userId: string, ticketKey: string): Promise<{ days: number }>;
  /** Resolves to the label that now exempts the ticket, or why the person may not. */
  notAStory(userId: string, ticketKey: string, userName: string): Promise<{ label: string } | Denied>;
}

/** Fix it: the modal's pre-fill, its check and the write to Jira. */
export interface FixFlows {
  /** The story as the ticket tells it today, for someone who may edit it; or why not. */
  prefill(userId: string, key: string): Promise<PrefillResult>;
  /** The persona catalogue of centric.yml: the modal offers a select when it is not empty. */
  personas(): string[];
  /** Pure: checks the modal from what it holds, so the answer fits in Slack's 3 s; the errors in `locale` (the person's). */
  validate(key: string, fix: StoryFix, ticketHasMetric: boolean, locale?: Locale): Record<string, string>;
  /** Writes to Jira; resolves to how it went. */
  apply(key: string, fix: StoryFix, userId: string, userName: string): Promise<FixOutcome>;
}

export interface HomeFlows {
  /** What the Home tab shows a person. */
  data(userId: string): Promise<HomeData>;
  mute(userId: string): Promise<void>;
  unmute(userId: string): Promise<void>;
  workingHours(userId: string, hours: string): Promise<unknown>;
  /** Opt in to (or out of) being mentioned in digests next to one's tickets that need attention. */
  digestMention(userId: string, on: boolean): Promise<void>;
}

/** Outcome questions: the buttons and the modal of a shipped story's review. */
export interface OutcomeFlows {
  /** The question, for the Target hit / Missed modal; or why this person cannot answer it. */
  open(userId: string, reviewId: number): ReturnType<typeof outcomeForAnswer>;
  /** Records an answer (or "too early") once; resolves to how it went. */
  answer(userId: string, userName: string, reviewId: number, choice: OutcomeChoice, input?: OutcomeInput): Promise<AnswerResult>;
}

/**
 * What the listeners run. bot.ts adapts the flows to these, so a listener knows neither the
 * flows' dependencies (store, Jira client, config) nor how they are assembled.
 */
export interface ListenerDeps {
  logger: Logger;
  /** A ticket's page in Jira. */
  browse: (key: string) => string;
  /** Runs a parsed /centric command. */
  runCommand(ctx: CommandContext, command: Command): Promise<CommandResult>;
  tickets: TicketFlows;
  fix: FixFlows;
  home: HomeFlows;
  outcomes: OutcomeFlows;
  /** Stops background posting after tokens_revoked or app_uninstalled; /readyz says why. */
  revoked(why: string): void;
  /**
   * The language a person's Slack is set to (users.info's locale, cached): every answer to them
   * is written in it. Rejects when Slack cannot say. Absent: everything in English.
   */
  locale?(userId: string): Promise<Locale>;
}
