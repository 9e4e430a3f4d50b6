import { z } from 'zod';
import type { CompiledConfig, CompiledLanguage } from '../compile.js';
import type { LintSettings } from '../config-types.js';
import type { Domain } from '../hints/index.js';
import type { StageMatch } from '../journey/assign-stage.js';
import type { Locale } from '../i18n/locales.js';
import { findingsText, type FindingsText } from '../i18n/messages/findings/index.js';
import { whoOf } from '../story/parse-story.js';
import type { RuleSetting, Severity, Story, TextBlock, Ticket } from '../types.js';

/**
 * What a story may be told of its epic (Jira's parent), in hints only: the epic's persona and its
 * metric's name, read from the epic's own report. Never a pass: a story still names its own.
 */
export interface EpicContext {
  key: string;
  persona: string | null;
  metric: string | null;
}

/** Everything a rule may read; built once per ticket by lint(). */
export interface RuleContext {
  ticket: Ticket;
  story: Story | null;
  /** The project's settings (personas, vocabulary…); a rule's own options come as check()'s second argument. */
  config: LintSettings;
  compiled: CompiledConfig;
  /** The story's language first, then the others: the vocabularies a rule searches. */
  languages: CompiledLanguage[];
  /** Summary, description and acceptance-criteria field, in that order. */
  blocks: TextBlock[];
  /** The text of every block except code, one block a line. */
  text: string;
  /** The ticket's domain (health, finance…), worked out on first ask: hints take their examples from it. */
  domain: () => Domain;
  /**
   * The summary and the start of the description: where hints look for the ticket's domain words.
   * Short, so a failing ticket's hints cost a fraction of its lint.
   */
  hintText: string;
  /** The ticket's customer-journey stage, worked out on first ask (the report always asks); null when none matched. */
  journey: () => StageMatch | null;
  /** The ticket's epic, when its report is known (a story of a linted epic): hints may name its persona and metric. */
  epic?: EpicContext;
  /** The language findings are written in (English when absent). */
  locale?: Locale;
}

/** The words of a rule's findings, in the language the lint writes in. */
export const wordsFor = (ctx: Pick<RuleContext, 'locale'>): FindingsText => findingsText(ctx.locale ?? 'en');

/** Who a finding is about: the story's role as the ticket writes it, or "customer" in the findings' language. */
export const whoIn = (story: Pick<Story, 'role'> | null, text: string, t: FindingsText): string => (story?.role ? whoOf(story, text) : t('customer'));

export interface RuleFailure {
  message: string;
  hint: string;
  /** Caps the configured severity: a metric named without a target only warns. */
  maxSeverity?: Severity;
  /** The rule is half met: the score loses half of the rule's weight. */
  partial?: boolean;
  /**
   * The share (0-1) of the rule's weight the score loses, for a rule met in degrees (an epic
   * answering 4 of its 5 questions loses 1/5); it takes the place of `partial`.
   */
  share?: number;
}

/**
 * What the rest of Centric knows about a rule, all of it declared in the rule's own file (as
 * ESLint's rule `meta`): the rule ids, the default `rules` and `scoreWeights` of centric.yml and
 * their validation are derived from it.
 */
export interface RuleMeta<Id extends string = string, Options extends z.ZodObject = z.ZodObject> {
  /** The rule's id: its file name, its key in centric.yml and in findings. */
  id: Id;
  /**
   * The severity for the base issue types (`issueTypes`). 'off' for a rule made for a profile's
   * types only (working-backwards lints epics): it is on where its `profiles` entry says.
   */
  defaultSeverity: RuleSetting;
  /**
   * The rule's severity in the built-in profiles (e.g. `{ epic: 'error' }`). A built-in profile
   * turns off every rule that does not name it here: an epic is not judged as a story.
   */
  profiles?: Readonly<Record<string, Severity>>;
  /** Default weight in the 0-100 score (`scoreWeights` in centric.yml changes it). */
  weight: number;
  /** One line on why this matters for the customer. */
  why: string;
  /** Anchor of the rule's section in README.md; a finding links to `jira.rulesDocUrl` + this. */
  docs: `#${string}`;
  /** The options centric.yml may give the rule besides its severity, with their defaults. */
  optionsSchema: Options;
}

export interface Rule<Id extends string = string, Options extends z.ZodObject = z.ZodObject> {
  meta: RuleMeta<Id, Options>;
  /** Judges the parsed story: not applicable, and left out of the score, when there is none. */
  needsStory: boolean;
  check(ctx: RuleContext, options: z.output<Options>): RuleFailure | null;
}

/** The options schema of a rule that takes none. */
export const NO_OPTIONS = z.object({});

/** Declares a rule; the identity, there to infer the literal id and the options' type. */
export const defineRule = <const Id extends string, Options extends z.ZodObject>(rule: Rule<Id, Options>): Rule<Id, Options> => rule;
