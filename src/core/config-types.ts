import type { RuleId, RuleSetting } from './types.js';

/**
 * Words and phrases of one language. Markers are regular-expression sources, matched
 * case-insensitively at word boundaries; the rest are plain words or phrases.
 */
export interface Vocabulary {
  /** "As a", "Als", "En tant que"… the article, when present, is stripped from the role. */
  roleMarkers: string[];
  /** "I want", "I'd like", "möchte ich"… */
  goalMarkers: string[];
  /** "so that", "in order to", "damit"… */
  benefitMarkers: string[];
  /** Phrases that start like a role marker but are not one: "As discussed", "As soon as"… */
  nonRolePhrases: string[];
  /** Articles stripped from the front of a role. */
  articles: string[];
  /** Roles that say nothing about who the customer is when they stand alone. */
  genericRoles: string[];
  /** Qualifiers that do not make a generic role specific ("end user", "regular user"). */
  vagueQualifiers: string[];
  /** Customer metrics. A term ending in " rate", " time" or " score" is also a metric head. */
  metricTerms: string[];
  /** Generic metric heads: "<something> rate", "<something> time", "<something> score". */
  metricHeads: string[];
  /** Words before a head that do not make a metric ("first time", "same time"). */
  metricHeadStopWords: string[];
  /** Words that turn a following number into a target: "to", "below", "at least"… */
  targetWords: string[];
  /** Units that make a number a measurement: %, seconds, points… (regular-expression sources). */
  units: string[];
  /** Headings or labels that open an acceptance-criteria section. */
  acceptanceHeadings: string[];
  /** Given / When / Then keywords. */
  givenWhenThen: [string, string, string];
  /** Conjunctions that can join two goals. */
  conjunctions: string[];
  /** Verbs that start a goal; a conjunction followed by one of them joins two goals. */
  goalVerbs: string[];
}

export interface PersonaDefinition {
  name: string;
  description: string;
  aliases: string[];
}

/** Options some rules take besides their severity. */
export interface RuleOptions {
  'customer-metric': {
    /** When false, naming a customer metric is enough; no target is asked for. */
    requireTarget: boolean;
  };
  'specific-persona': {
    /** Roles accepted as personas although they are generic words ("admin" in an internal tool). */
    allowedRoles: string[];
  };
}

export interface LintConfig {
  /** Issue types that are linted; every other type is reported as skipped. */
  issueTypes: string[];
  rules: Record<RuleId, RuleSetting>;
  ruleOptions: RuleOptions;
  /** Weight of each rule in the 0-100 score. */
  scoreWeights: Record<RuleId, number>;
  personas: PersonaDefinition[];
  /** Language code -> vocabulary; the order is the order languages are tried in. */
  vocabulary: Record<string, Vocabulary>;
  designDomains: string[];
  recordingDomains: string[];
  /** Jira custom field holding acceptance criteria, e.g. customfield_10035. */
  acceptanceCriteriaField: string | null;
}

/** A project's partial override of the lint settings. */
export type ProjectOverride = Partial<Omit<LintConfig, 'rules' | 'scoreWeights' | 'ruleOptions'>> & {
  rules?: Partial<Record<RuleId, RuleSetting>>;
  scoreWeights?: Partial<Record<RuleId, number>>;
  ruleOptions?: { [K in keyof RuleOptions]?: Partial<RuleOptions[K]> };
};

/** How Centric works with Jira. */
export interface JiraSettings {
  /** Quiet time after the last edit before a ticket is linted; 0 lints at once. */
  debounceSeconds: number;
  /** Label added while a ticket fails and removed when it passes; null for none. */
  label: string | null;
  /** Tickets with this label are not linted. */
  exemptLabel: string;
  /** What becomes of the comment once a ticket passes: a short note, or no comment at all. */
  onPass: 'note' | 'remove';
  /** Where the comment links for each rule's explanation (the README's rule sections). */
  rulesDocUrl: string;
  /** Calls to Jira at once, per site. */
  concurrency: number;
  /** Time-out of one call to Jira. */
  timeoutSeconds: number;
  /** Polling (JQL): catches deliveries Jira dropped, or replaces webhooks behind a firewall. */
  poll: {
    /** Minutes between polls; 0 turns polling off. */
    intervalMinutes: number;
    /** Project keys to poll. */
    projects: string[];
  };
}

/** Who gets a nudge, and when. */
export interface NudgeSettings {
  /** Who is nudged about a failing ticket. */
  recipients: 'reporter' | 'assignee' | 'both';
  /** When nudges may arrive, in each person's Slack timezone. */
  workingHours: { days: number[]; start: string; end: string };
  /** DMs per person per day at most; several tickets share one DM. */
  perDay: number;
  /** How long "Snooze a week" lasts. */
  snoozeDays: number;
  /** Statuses (e.g. "Ready for Development") whose entry nudges about a failing ticket again. */
  onStatuses: string[];
  /** A failing ticket moved into a sprint nudges again. */
  onSprint: boolean;
}

/** How Centric works in Slack. */
export interface SlackSettings {
  /**
   * Slack user ids allowed to subscribe or unsubscribe any channel. Empty: anyone may, for the
   * channel they run the command in.
   */
  admins: string[];
}

/** What the weekly digest reads from Jira. */
export interface DigestSettings {
  /** Numeric field holding the customer benefit of a story (e.g. a "Customer value" field); null: no bang-for-the-buck ranking. */
  benefitField: string | null;
  /** Numeric field holding the cost; Jira Cloud's "Story point estimate" by default. */
  costField: string | null;
  /** Statuses whose failing tickets "need attention": ready for development. */
  readyStatuses: string[];
}

/** How the bot processes events and how long it keeps data; not per project. */
export interface RuntimeSettings {
  jira: JiraSettings;
  slack: SlackSettings;
  nudges: NudgeSettings;
  digest: DigestSettings;
  inbox: {
    /** Events processed at once by one process. */
    concurrency: number;
    /** Attempts before an event is dead-lettered. */
    maxAttempts: number;
    /** How long an event stays claimed by a process that stopped answering (killed) before another takes it over. */
    leaseSeconds: number;
  };
  retention: {
    /** Report history (score over time) older than this is deleted. */
    historyDays: number;
    /** Processed events older than this are deleted; dead-lettered ones are kept. */
    inboxDays: number;
  };
}

export interface CentricConfig extends LintConfig, RuntimeSettings {
  projects: Record<string, ProjectOverride>;
}
