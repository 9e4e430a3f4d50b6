import type { CompiledConfig, CompiledLanguage } from '../compile.js';
import type { LintConfig } from '../config-types.js';
import type { RuleId, Severity, Story, TextBlock, Ticket } from '../types.js';

/** Everything a rule may read; built once per ticket by lint(). */
export interface RuleContext {
  ticket: Ticket;
  story: Story | null;
  config: LintConfig;
  compiled: CompiledConfig;
  /** The story's language first, then the others: the vocabularies a rule searches. */
  languages: CompiledLanguage[];
  /** Summary, description and acceptance-criteria field, in that order. */
  blocks: TextBlock[];
  /** The text of every block except code, one block a line. */
  text: string;
}

export interface RuleFailure {
  message: string;
  hint: string;
  /** Caps the configured severity: a metric named without a target only warns. */
  maxSeverity?: Severity;
  /** The rule is half met: the score loses half of the rule's weight. */
  partial?: boolean;
}

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line on why this matters for the customer. */
  why: string;
  /** Judges the parsed story: not applicable, and left out of the score, when there is none. */
  needsStory: boolean;
  check(ctx: RuleContext): RuleFailure | null;
}
